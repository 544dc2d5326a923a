import { randomInt } from 'node:crypto';

import { Injectable, Optional } from '@nestjs/common';

import {
  MoodAffinity,
  MoodAffinityProvider,
  NO_AFFINITY,
} from '../domain/mood-affinity';
import { MusicCatalog } from '../domain/music-catalog';
import { Track } from '../domain/track';
import {
  RecommendationRequest,
  TrackRecommender,
} from '../domain/track-recommender';
import { selectDiverse } from './diverse-selection';
import { MOOD_PROFILES } from './mood-profiles';
import { seededRandom } from './seeded-random';
import { scoreCandidate } from './track-scoring';

export const RECOMMENDATION_COUNT = 10;
/** A few hundred nearest tracks leave room for variety after the diversity rules. */
const CANDIDATE_POOL = 300;
const MAX_PER_GENRE = 2;
/** Sampling among the 8 best eligible keeps picks near the top yet varied per seed. */
const SAMPLE_WINDOW = 8;

/** Ranks the local catalogue's audio features against the mood's profile. */
@Injectable()
export class CatalogTrackRecommender extends TrackRecommender {
  constructor(
    private readonly catalog: MusicCatalog,
    @Optional() private readonly affinities?: MoodAffinityProvider,
  ) {
    super();
  }

  async recommend(request: RecommendationRequest): Promise<Track[]> {
    const profile = MOOD_PROFILES[request.mood];
    const [candidates, affinity] = await Promise.all([
      this.catalog.findMoodCandidates({
        ...profile.region,
        limit: CANDIDATE_POOL + request.recentTrackIds.size,
      }),
      this.affinityFor(request),
    ]);
    const scored = candidates.map((candidate) => ({
      score: scoreCandidate(candidate, profile, affinity),
      track: candidate.track,
    }));

    return selectDiverse(scored, {
      count: RECOMMENDATION_COUNT,
      maxPerGenre: MAX_PER_GENRE,
      random: seededRandom(request.seed ?? randomInt(2 ** 31)),
      recentTrackIds: request.recentTrackIds,
      sampleWindow: SAMPLE_WINDOW,
    });
  }

  private async affinityFor(
    request: RecommendationRequest,
  ): Promise<MoodAffinity> {
    if (!this.affinities) {
      return NO_AFFINITY;
    }

    return this.affinities.affinityFor(request.userId, request.mood);
  }
}
