import { Mood } from '@vexora/shared';

/** What a user picked before for a mood, as folded artist names and genres. */
export interface MoodAffinity {
  artists: ReadonlySet<string>;
  genres: ReadonlySet<string>;
}

export const NO_AFFINITY: MoodAffinity = {
  artists: new Set(),
  genres: new Set(),
};

/**
 * Port (optional): a user's earlier picks for a mood, for the per-user boost
 * in ranking. The history context can implement it; without a provider every
 * user gets the same ranking.
 */
export abstract class MoodAffinityProvider {
  abstract affinityFor(userId: string, mood: Mood): Promise<MoodAffinity>;
}
