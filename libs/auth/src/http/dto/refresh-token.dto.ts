import { ApiProperty } from '@nestjs/swagger';
import { IsJWT, IsString, MaxLength } from 'class-validator';

export class RefreshTokenDto {
  @ApiProperty({
    description: 'The refresh token from /login or the last /refresh',
  })
  @IsString({ message: 'refresh_token must be a string' })
  @MaxLength(4096, { message: 'refresh_token is too long' })
  @IsJWT({ message: 'refresh_token must be a JWT' })
  refresh_token: string;
}
