import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

import { EmailField } from '@vexora/shared';

import type { CodePurpose } from '../../domain/one-time-code';

export class SendOtpDto {
  @EmailField()
  email: string;

  @ApiPropertyOptional({
    description:
      'Defaults to "verify" for an unverified address and "reset" otherwise',
    enum: ['verify', 'reset'],
  })
  @IsOptional()
  @IsIn(['verify', 'reset'], { message: 'purpose must be "verify" or "reset"' })
  purpose?: CodePurpose;
}
