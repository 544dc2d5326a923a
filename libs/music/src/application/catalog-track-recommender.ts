import { randomInt } from 'node:crypto';

import { Injectable, Logger, Optional } from '@nestjs/common';

import { MoodAffinity, NO_AFFINITY } from '../domain/mood-affinity';
import { MoodCandidateSource } from '../domain/music-catalog';
import { MusicSources } from '../domain/music-sources';
import { Track } from '../domain/track';
import {
  RecommendationRequest,
  TrackRecommender,
} from '../domain/track-recommender';
import { ScoredTrack, selectDiverse } from './diverse-selection';
import { MOOD_PROFILES, MoodProfile } from './mood-profiles';
import { seededRandom } from './seeded-random';
import { scoreCandidate, scoreWithoutFeatures } from './track-scoring';

export const RECOMMENDATION_COUNT = 10;
/** A few hundred nearest tracks leave room for variety after the diversity rules. */
const CANDIDATE_POOL = 300;
const MAX_PER_GENRE = 2;
/** Sampling among the 8 best eligible keeps picks near the top yet varied per seed. */
const SAMPLE_WINDOW = 8;
/** One Spotify search page per detection. */
const REMOTE_CANDIDATES = 10;
/** A detection does not wait longer than this for Spotify's extra candidates. */
const REMOTE_DEADLINE_MS = 1500;

/**
 * Ranks the local catalogue's audio features against the mood's profile.
 * With Spotify configured, a search for one of the mood's genres adds
 * candidates: those the catalogue knows are ranked on its features (and keep
 * Spotify's cover), the others get an assumed fit that lets them fill in.
 */
@Injectable()
export class CatalogTrackRecommender extends TrackRecommender {
  private readonly logger = new Logger(CatalogTrackRecommender.name);

  constructor(
    private readonly catalog: MoodCandidateSource,
    @Optional() private readonly sources?: MusicSources,
  ) {
    super();
  }

  async recommend(request: RecommendationRequest): Promise<Track[]> {
    const profile = MOOD_PROFILES[request.mood];
    const seed = request.seed ?? randomInt(2 ** 31);
    const affinity = request.affinity ?? NO_AFFINITY;
    const [candidates, remoteTracks] = await Promise.all([
      this.catalog.findMoodCandidates({
        ...profile.region,
        limit: CANDIDATE_POOL + request.recentTrackIds.size,
      }),
      this.remoteTracks(profile, seed),
    ]);
    const scored = new Map<string, ScoredTrack>();
    for (const candidate of candidates) {
      scored.set(candidate.track.id, {
        score: scoreCandidate(candidate, profile, affinity),
        track: candidate.track,
      });
    }

    for (const item of await this.scoreRemote(
      remoteTracks,
      profile,
      affinity,
    )) {
      scored.set(item.track.id, item);
    }

    return selectDiverse([...scored.values()], {
      count: RECOMMENDATION_COUNT,
      maxPerGenre: MAX_PER_GENRE,
      random: seededRandom(seed),
      recentTrackIds: request.recentTrackIds,
      sampleWindow: SAMPLE_WINDOW,
    });
  }

  /** Spotify's results for one of the mood's genres, labelled with that genre. */
  private async remoteTracks(
    profile: MoodProfile,
    seed: number,
  ): Promise<Track[]> {
    const remote = this.sources?.remote;
    if (!remote) {
      return [];
    }

    const genres = [...profile.genres].sort();
    const genre = genres[seed % genres.length];
    try {
      const tracks = await withDeadline(
        remote.search(`genre:${genre}`, REMOTE_CANDIDATES),
        REMOTE_DEADLINE_MS,
      );

      return tracks.map((track) => ({ ...track, genre: track.genre ?? genre }));
    } catch (error) {
      this.logger.warn(
        `Spotify candidates skipped: ${error instanceof Error ? error.message : String(error)}`,
      );

      return [];
    }
  }

  private async scoreRemote(
    tracks: readonly Track[],
    profile: MoodProfile,
    affinity: MoodAffinity,
  ): Promise<ScoredTrack[]> {
    if (tracks.length === 0) {
      return [];
    }

    const known = new Map(
      (await this.catalog.findCandidatesByIds(tracks.map(({ id }) => id))).map(
        (candidate) => [candidate.track.id, candidate],
      ),
    );

    return tracks.map((track) => {
      const local = known.get(track.id);
      if (!local) {
        return { score: scoreWithoutFeatures(track, profile, affinity), track };
      }

      // Spotify's metadata (cover, current title) with the catalogue's genre.
      const merged = { ...track, genre: local.track.genre };

      return {
        score: scoreCandidate({ ...local, track: merged }, profile, affinity),
        track: merged,
      };
    });
  }
}

function withDeadline<T>(
  promise: Promise<T>,
  milliseconds: number,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${milliseconds} ms`)),
      milliseconds,
    );
  });

  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
