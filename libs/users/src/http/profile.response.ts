import { ApiProperty } from '@nestjs/swagger';

import { User } from '../domain/user';

/** The profile as the mobile app reads it; never holds a hash, code or token. */
export class ProfileResponse {
  @ApiProperty({
    example: '2026-12-03T19:44:08.000Z',
    description: 'ISO-8601, UTC',
  })
  created_at: string;

  @ApiProperty({ example: 'ada@example.com' })
  email: string;

  @ApiProperty({
    example: '',
    description: 'Storage id of the picture; empty when none',
  })
  file_id: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  name: string;

  @ApiProperty({
    example: 'http://localhost:5555/assets/avatar.png',
    description: 'Absolute URL; a default avatar when none was uploaded',
  })
  profile_picture: string;

  @ApiProperty({ example: 'ada' })
  username: string;

  @ApiProperty({ example: '6f1c1c52-8a0e-4f55-a0c2-1f0f0d0b4a11' })
  uuid: string;

  @ApiProperty({ example: true })
  verified: boolean;

  static from(user: User, defaultAvatarUrl: string): ProfileResponse {
    return {
      created_at: user.createdAt.toISOString(),
      email: user.email,
      file_id: user.fileId ?? '',
      name: user.name,
      profile_picture: user.profilePicture ?? defaultAvatarUrl,
      username: user.username,
      uuid: user.uuid,
      verified: user.verified,
    };
  }
}
