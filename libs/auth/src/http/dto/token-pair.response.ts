import { ApiProperty } from '@nestjs/swagger';

import { TokenPair } from '../../domain/tokens';

export class TokenPairResponse {
  @ApiProperty({
    description: 'JWT, valid 60 minutes; claims include uuid and username',
  })
  access_token: string;

  @ApiProperty({ description: 'JWT, valid 30 days; exchange it at /refresh' })
  refresh_token: string;

  static from(pair: TokenPair): TokenPairResponse {
    return { access_token: pair.accessToken, refresh_token: pair.refreshToken };
  }
}
