import { ApiProperty } from '@nestjs/swagger';
import { IsJWT } from 'class-validator';

import { RequiredText } from '@vexora/shared';

export class RefreshTokenDto {
  @ApiProperty({
    description: 'The refresh token from /login or the last /refresh',
  })
  // Listed before RequiredText so that it runs after it.
  @IsJWT({ message: 'refresh_token must be a JWT' })
  @RequiredText('refresh_token', 4096)
  refresh_token: string;
}
