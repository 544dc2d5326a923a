import { EmailField, OtpField } from '@vexora/shared';

export class VerifyEmailDto {
  @EmailField()
  email: string;

  @OtpField()
  otp: string;
}
