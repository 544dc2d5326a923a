import { AudioFeatures } from '../domain/audio-features';
import { MoodAffinity, NO_AFFINITY } from '../domain/mood-affinity';
import { MoodCandidate } from '../domain/music-catalog';
import { foldText } from '../domain/search-text';
import { MoodProfile } from './mood-profiles';

/** Bonuses are small next to the feature fit (0..1): they reorder near-ties. */
export const GENRE_BONUS = 0.12;
export const POPULARITY_BONUS = 0.05;
export const AFFINITY_ARTIST_BONUS = 0.08;
export const AFFINITY_GENRE_BONUS = 0.04;

const FEATURES: ReadonlyArray<keyof AudioFeatures> = [
  'acousticness',
  'danceability',
  'energy',
  'tempo',
  'valence',
];

/** How well a track suits a mood: feature fit (0..1) plus genre, popularity and user bonuses. */
export function scoreCandidate(
  candidate: MoodCandidate,
  profile: MoodProfile,
  affinity: MoodAffinity = NO_AFFINITY,
): number {
  const genre = candidate.track.genre ?? '';
  const genreBonus = profile.genres.has(genre) ? GENRE_BONUS : 0;
  const popularityBonus = (POPULARITY_BONUS * candidate.popularity) / 100;

  return (
    featureFit(candidate.features, profile) +
    genreBonus +
    popularityBonus +
    affinityBonus(candidate, affinity)
  );
}

/** Weighted mean of Gaussian closeness to each target; 1 is a perfect fit. */
export function featureFit(
  features: AudioFeatures,
  profile: MoodProfile,
): number {
  let total = 0;
  let weights = 0;
  for (const feature of FEATURES) {
    // Tempo 0 means "not estimated": leave it out rather than punish it.
    if (feature === 'tempo' && features.tempo <= 0) {
      continue;
    }

    const { target, tolerance, weight } = profile.targets[feature];
    const distance = (features[feature] - target) / tolerance;
    total += weight * Math.exp(-(distance * distance) / 2);
    weights += weight;
  }

  return total / weights;
}

function affinityBonus(
  candidate: MoodCandidate,
  affinity: MoodAffinity,
): number {
  const artistHit = artistKeys(candidate.track.artists).some((artist) =>
    affinity.artists.has(artist),
  );
  const genreHit = affinity.genres.has(candidate.track.genre ?? '');

  return (
    (artistHit ? AFFINITY_ARTIST_BONUS : 0) +
    (genreHit ? AFFINITY_GENRE_BONUS : 0)
  );
}

/** Folded artist names, for comparing artists across differently written credits. */
export function artistKeys(artists: readonly string[]): string[] {
  return artists.map((artist) => foldText(artist)).filter(Boolean);
}
