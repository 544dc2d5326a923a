import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** `GET /spotify/{id}`: a Spotify track id, as the catalogue uses too. */
export class TrackIdParams {
  @ApiProperty({
    description: 'Spotify track id: 22 base62 characters',
    example: '0gCJkpD0RhF2rjiALLHBQL',
  })
  @Matches(/^[0-9A-Za-z]{22}$/, {
    message: 'id must be 22 letters or digits (a Spotify track id)',
  })
  id: string;
}
