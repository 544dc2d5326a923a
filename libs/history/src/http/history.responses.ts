import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { MOODS, Mood } from '@vexora/shared';
import { toTrackResponse, TrackResponse } from '@vexora/music';

import { FaceRegion, HistoryEntry, HistoryTrack } from '../domain/history';

export class HistoryEntryResponse {
  @ApiProperty({
    example: '2026-12-03T19:44:08.000Z',
    description: 'ISO-8601, UTC',
  })
  created_at: string;

  @ApiProperty({ enum: MOODS, example: 'happy' })
  mood: Mood;

  @ApiProperty({ example: '6f1c1c52-8a0e-4f55-a0c2-1f0f0d0b4a11' })
  user_uuid: string;

  @ApiProperty({ example: '0c7e9a6e-2b1d-4a53-9c57-2f3e1d7a8b90' })
  uuid: string;

  static from(entry: HistoryEntry): HistoryEntryResponse {
    return {
      created_at: entry.createdAt.toISOString(),
      mood: entry.mood,
      user_uuid: entry.userUuid,
      uuid: entry.uuid,
    };
  }
}

export class MostMoodResponse {
  @ApiProperty({
    enum: MOODS,
    nullable: true,
    example: 'happy',
    description: 'null without history',
  })
  mood: Mood | null;
}

export class HistoryTrackResponse extends TrackResponse {
  @ApiProperty({ example: '2026-12-03T19:44:08.000Z' })
  created_at: string;

  @ApiProperty({ example: '0c7e9a6e-2b1d-4a53-9c57-2f3e1d7a8b90' })
  history_uuid: string;

  @ApiProperty({ example: 'b3c1f0aa-5d2e-4c8b-9f61-0e9d8c7b6a54' })
  uuid: string;

  static from(
    item: HistoryTrack,
    placeholderCoverUrl: string,
  ): HistoryTrackResponse {
    return {
      ...toTrackResponse(item.track, placeholderCoverUrl),
      created_at: item.createdAt.toISOString(),
      history_uuid: item.historyUuid,
      uuid: item.uuid,
    };
  }
}

class MoodScoresResponse {
  @ApiProperty({ example: 0.05 })
  angry: number;

  @ApiProperty({ example: 0.82 })
  happy: number;

  @ApiProperty({ example: 0.1 })
  neutral: number;

  @ApiProperty({ example: 0.03 })
  sad: number;
}

class FaceResponse implements FaceRegion {
  @ApiProperty({ example: 212 })
  height: number;

  @ApiProperty({ example: 180 })
  width: number;

  @ApiProperty({ example: 410 })
  x: number;

  @ApiProperty({ example: 236 })
  y: number;
}

export class MoodDetectionResponse {
  @ApiProperty({ example: '2026-12-03T19:44:08.000Z' })
  created_at: string;

  @ApiProperty({ enum: MOODS, example: 'happy' })
  detected_mood: Mood;

  @ApiPropertyOptional({
    type: FaceResponse,
    description: 'Face box in the upright image, pixels',
  })
  face: FaceRegion | null;

  @ApiProperty({
    example: '0c7e9a6e-2b1d-4a53-9c57-2f3e1d7a8b90',
    description: 'The history entry',
  })
  history_uuid: string;

  @ApiProperty({ type: [TrackResponse] })
  music: TrackResponse[];

  @ApiProperty({
    type: MoodScoresResponse,
    description: 'Probability per mood; they sum to 1',
  })
  scores: Record<Mood, number>;
}
