import { Mood } from '@vexora/shared';

import { MoodAffinity } from './mood-affinity';
import { Track } from './track';

export interface RecommendationRequest {
  /**
   * Artists and genres of the user's earlier picks for this mood; they get a
   * bounded boost, so users with different histories get different lists.
   */
  affinity?: MoodAffinity;
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
