import { AudioFeatures } from '../domain/audio-features';
import { MoodAffinity, NO_AFFINITY } from '../domain/mood-affinity';
import { MoodCandidate } from '../domain/music-catalog';
import { foldText } from '../domain/search-text';
import { Track } from '../domain/track';
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
    affinityBonus(candidate.track, affinity)
  );
}

/**
 * Fit assumed for a track without audio features (a Spotify result the
 * catalogue does not hold): below what a well-placed catalogue track scores,
 * so such tracks fill in rather than push measured ones out.
 */
export const UNKNOWN_FEATURE_FIT = 0.5;

/** Score of a track whose audio features are unknown: assumed fit plus bonuses. */
export function scoreWithoutFeatures(
  track: Track,
  profile: MoodProfile,
  affinity: MoodAffinity = NO_AFFINITY,
): number {
  const genreBonus = profile.genres.has(track.genre ?? '') ? GENRE_BONUS : 0;

  return UNKNOWN_FEATURE_FIT + genreBonus + affinityBonus(track, affinity);
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

function affinityBonus(track: Track, affinity: MoodAffinity): number {
  const artistHit = artistKeys(track.artists).some((artist) =>
    affinity.artists.has(artist),
  );
  const genreHit = affinity.genres.has(track.genre ?? '');

  return (
    (artistHit ? AFFINITY_ARTIST_BONUS : 0) +
    (genreHit ? AFFINITY_GENRE_BONUS : 0)
  );
}

/** Folded artist names, for comparing artists across differently written credits. */
export function artistKeys(artists: readonly string[]): string[] {
  return artists.map((artist) => foldText(artist)).filter(Boolean);
}
