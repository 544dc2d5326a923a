import { Mood } from '@vexora/shared';

import { Track } from './track';

export interface RecommendationRequest {
  mood: Mood;
  /** Track ids the user was given in their most recent detections, to avoid. */
  recentTrackIds: ReadonlySet<string>;
  /** Seed for the tie-breaking randomness; fixed in tests, fresh per request in production. */
  seed?: number;
  userId: string;
}

/** Port: picks the tracks to hand out for a detected mood. */
export abstract class TrackRecommender {
  abstract recommend(request: RecommendationRequest): Promise<Track[]>;
}
