import { EmailField, OtpField, PasswordField } from '@vexora/shared';

export class ResetPasswordDto {
  @EmailField()
  email: string;

  @PasswordField('new_password')
  new_password: string;

  @OtpField()
  otp: string;
}
