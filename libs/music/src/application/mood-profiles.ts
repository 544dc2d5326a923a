import { Mood } from '@vexora/shared';

import { AudioFeatures } from '../domain/audio-features';
import { FeatureRange } from '../domain/music-catalog';

/** Where a feature should sit for a mood and how fast the fit decays away from it. */
export interface FeatureTarget {
  target: number;
  /** Distance from the target at which the fit has dropped to about 0.6. */
  tolerance: number;
  weight: number;
}

export interface MoodProfile {
  /** Catalogue genre labels (the CSV's `track_genre`) that suit the mood. */
  genres: ReadonlySet<string>;
  /** The mood's box in valence/energy space; picks should average inside it. */
  region: { energy: FeatureRange; valence: FeatureRange };
  targets: Record<keyof AudioFeatures, FeatureTarget>;
}

/**
 * Started from the old Go server's thresholds (README "old service's mood
 * genres") and tuned on the 15k catalogue so each box holds 1,000–3,000 rows:
 *
 * - happy: the old box capped energy at 0.65, which favoured mellow pop;
 *   cheerful music is mostly upbeat, so energy is 0.55–0.90 with valence ≥ 0.60
 *   and danceability aimed at the old 0.70 floor.
 * - sad: the old box (valence ≤ 0.30, energy ≤ 0.42) kept as is; acoustic,
 *   slower tracks preferred.
 * - angry: the old box (valence ≤ 0.28, energy ≥ 0.84) widened a little
 *   (valence ≤ 0.35, energy ≥ 0.80) so the metal/hardcore genres are not
 *   starved; loud, non-acoustic, fast.
 * - neutral: the old box (valence ≤ 0.27, energy ≤ 0.80) sat on top of sad, so
 *   the same track answered both moods; neutral is now calm and mid-valence
 *   (valence 0.30–0.60, energy 0.20–0.55), leaning acoustic.
 *
 * Valence and energy carry most of the weight; the others only order tracks
 * that fit the box equally well. Tempo tolerances are in BPM.
 */
export const MOOD_PROFILES: Record<Mood, MoodProfile> = {
  angry: {
    genres: new Set([
      'death-metal',
      'hard-rock',
      'hardcore',
      'heavy-metal',
      'hip-hop',
      'metal',
      'metalcore',
      'punk',
      'punk-rock',
      'rock',
    ]),
    region: { energy: { max: 1, min: 0.8 }, valence: { max: 0.35, min: 0.05 } },
    targets: {
      acousticness: { target: 0.02, tolerance: 0.2, weight: 1 },
      danceability: { target: 0.4, tolerance: 0.2, weight: 0.5 },
      energy: { target: 0.92, tolerance: 0.08, weight: 3 },
      tempo: { target: 140, tolerance: 35, weight: 0.5 },
      valence: { target: 0.2, tolerance: 0.12, weight: 3 },
    },
  },
  happy: {
    genres: new Set(['dance', 'funk', 'happy', 'indie-pop', 'pop', 'reggae']),
    region: {
      energy: { max: 0.9, min: 0.55 },
      valence: { max: 0.95, min: 0.6 },
    },
    targets: {
      acousticness: { target: 0.2, tolerance: 0.3, weight: 0.5 },
      danceability: { target: 0.72, tolerance: 0.15, weight: 1.5 },
      energy: { target: 0.72, tolerance: 0.15, weight: 3 },
      tempo: { target: 120, tolerance: 30, weight: 0.5 },
      valence: { target: 0.8, tolerance: 0.15, weight: 3 },
    },
  },
  neutral: {
    genres: new Set([
      'acoustic',
      'ambient',
      'chill',
      'indie',
      'new-age',
      'sleep',
      'study',
    ]),
    region: {
      energy: { max: 0.55, min: 0.2 },
      valence: { max: 0.6, min: 0.3 },
    },
    targets: {
      acousticness: { target: 0.6, tolerance: 0.3, weight: 1 },
      danceability: { target: 0.55, tolerance: 0.2, weight: 0.5 },
      energy: { target: 0.38, tolerance: 0.15, weight: 3 },
      tempo: { target: 100, tolerance: 30, weight: 0.5 },
      valence: { target: 0.45, tolerance: 0.15, weight: 3 },
    },
  },
  sad: {
    genres: new Set([
      'acoustic',
      'blues',
      'classical',
      'folk',
      'indie',
      'piano',
      'sad',
      'singer-songwriter',
    ]),
    region: {
      energy: { max: 0.42, min: 0.05 },
      valence: { max: 0.3, min: 0.03 },
    },
    targets: {
      acousticness: { target: 0.75, tolerance: 0.3, weight: 1 },
      danceability: { target: 0.42, tolerance: 0.2, weight: 0.5 },
      energy: { target: 0.25, tolerance: 0.12, weight: 3 },
      tempo: { target: 90, tolerance: 30, weight: 0.5 },
      valence: { target: 0.16, tolerance: 0.1, weight: 3 },
    },
  },
};
