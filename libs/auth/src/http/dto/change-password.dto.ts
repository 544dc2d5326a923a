import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

import { PASSWORD_MAX_LENGTH, PasswordField } from '@vexora/shared';

export class ChangePasswordDto {
  @PasswordField('new_password', 'another-long-passphrase')
  new_password: string;

  @ApiProperty({ example: 'correct-horse-battery' })
  @IsString({ message: 'previous_password must be a string' })
  @IsNotEmpty({ message: 'previous_password is required' })
  @MaxLength(PASSWORD_MAX_LENGTH, {
    message: `previous_password must be at most ${PASSWORD_MAX_LENGTH} characters`,
  })
  previous_password: string;
}
