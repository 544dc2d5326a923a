import { ApiProperty } from '@nestjs/swagger';

import { PASSWORD_MAX_LENGTH, RequiredText } from '@vexora/shared';

export class LoginDto {
  @ApiProperty({
    example: 'correct-horse-battery',
    maxLength: PASSWORD_MAX_LENGTH,
  })
  @RequiredText('password', PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty({
    description: 'The username, not the e-mail address',
    example: 'ada_l',
    maxLength: 30,
  })
  @RequiredText('username', 30)
  username: string;
}
