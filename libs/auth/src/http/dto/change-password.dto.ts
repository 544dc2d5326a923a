import { ApiProperty } from '@nestjs/swagger';

import {
  PASSWORD_MAX_LENGTH,
  PasswordField,
  RequiredText,
} from '@vexora/shared';

export class ChangePasswordDto {
  @PasswordField('new_password', 'another-long-passphrase')
  new_password: string;

  @ApiProperty({
    example: 'correct-horse-battery',
    maxLength: PASSWORD_MAX_LENGTH,
  })
  @RequiredText('previous_password', PASSWORD_MAX_LENGTH)
  previous_password: string;
}
