import { ApiProperty } from '@nestjs/swagger';

import { BrowseResult } from '../application/browse-music.use-case';
import { TrackSource } from '../domain/track';
import { toTrackResponse, TrackResponse } from './track.response';

/** `data` of the browsing routes: `{music: [track]}` as the app reads it, plus `source`. */
export class MusicListResponse {
  @ApiProperty({ type: [TrackResponse] })
  music: TrackResponse[];

  @ApiProperty({
    description: 'Which catalogue answered: Spotify, or the local catalogue',
    enum: ['catalog', 'spotify'],
    example: 'spotify',
  })
  source: TrackSource;

  static from(
    result: BrowseResult,
    placeholderCoverUrl: string,
  ): MusicListResponse {
    return {
      music: result.tracks.map((track) =>
        toTrackResponse(track, placeholderCoverUrl),
      ),
      source: result.source,
    };
  }
}
