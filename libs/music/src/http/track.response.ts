import { ApiProperty } from '@nestjs/swagger';

import { Track, TrackSource } from '../domain/track';

/** A track as the mobile app reads it: five non-null strings plus extras. */
export class TrackResponse {
  @ApiProperty({ example: 'Deja Vu' })
  album: string;

  @ApiProperty({
    description: 'Artist names joined with ", "',
    example: 'Crosby, Stills, Nash & Young',
  })
  artist: string;

  @ApiProperty({ description: 'Milliseconds; 0 when unknown', example: 269173 })
  duration_ms: number;

  @ApiProperty({
    description:
      'Catalogue genre; empty when the source has none (Spotify search results)',
    example: 'psych-rock',
  })
  genre: string;

  @ApiProperty({ example: '0gCJkpD0RhF2rjiALLHBQL' })
  id: string;

  @ApiProperty({
    description: 'Link that opens the track',
    example: 'https://open.spotify.com/track/0gCJkpD0RhF2rjiALLHBQL',
  })
  path: string;

  @ApiProperty({ description: 'Track title', example: 'Almost Cut My Hair' })
  playlist_name: string;

  @ApiProperty({ enum: ['catalog', 'spotify'], example: 'catalog' })
  source: TrackSource;

  @ApiProperty({
    description:
      'Absolute cover URL; a placeholder served by this service when the track has none',
    example: 'http://localhost:5555/assets/cover.png',
  })
  thumbnail: string;
}

/**
 * Maps a track to the wire shape; `placeholderCoverUrl` fills a missing
 * cover. No field is ever null: the mobile app breaks on nulls.
 */
export function toTrackResponse(
  track: Track,
  placeholderCoverUrl: string,
): TrackResponse {
  return {
    album: track.album,
    artist: track.artists.join(', '),
    duration_ms: track.durationMs ?? 0,
    genre: track.genre ?? '',
    id: track.id,
    path: track.url,
    playlist_name: track.title,
    source: track.source,
    thumbnail: track.thumbnailUrl ?? placeholderCoverUrl,
  };
}
