import { foldText } from './search-text';

/** What a user was given before for a mood, as folded artist names and genres. */
export interface MoodAffinity {
  artists: ReadonlySet<string>;
  genres: ReadonlySet<string>;
}

export const NO_AFFINITY: MoodAffinity = {
  artists: new Set(),
  genres: new Set(),
};

/** Builds an affinity from raw artist names and genres of earlier picks. */
export function buildMoodAffinity(
  artists: Iterable<string>,
  genres: Iterable<string>,
): MoodAffinity {
  return {
    artists: new Set(
      [...artists].map((artist) => foldText(artist)).filter(Boolean),
    ),
    genres: new Set([...genres].filter(Boolean)),
  };
}
