import { ApiProperty } from '@nestjs/swagger';

import { PASSWORD_MAX_LENGTH, RequiredText } from '@vexora/shared';

export class LoginDto {
  @ApiProperty({ example: 'correct-horse-battery' })
  @RequiredText('password', PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty({ example: 'ada_l' })
  @RequiredText('username', 30)
  username: string;
}
