import { AudioFeatures } from './audio-features';
import { Track } from './track';

/** A closed range of one audio feature. */
export interface FeatureRange {
  max: number;
  min: number;
}

export interface MoodCandidateQuery {
  energy: FeatureRange;
  /** Upper bound on the candidates returned; the closest to the centre win. */
  limit: number;
  valence: FeatureRange;
}

/** A track together with what the ranking needs to score it. */
export interface MoodCandidate {
  features: AudioFeatures;
  /** 0..100, Spotify popularity when the catalogue was collected. */
  popularity: number;
  track: Track;
}

/**
 * Port: a browsable track catalogue. Two adapters: the local catalogue
 * (always there) and Spotify (when configured), whose calls may reject when
 * it is unreachable.
 */
export abstract class MusicCatalog {
  /** The track with this id, or null when the catalogue has none. */
  abstract findById(id: string): Promise<Track | null>;

  /** Random tracks; the same seed gives the same tracks. */
  abstract random(limit: number, seed?: number): Promise<Track[]>;

  /** Tracks whose title, artists, album or genre contain every query word, ignoring case and accents. */
  abstract search(query: string, limit: number): Promise<Track[]>;
}

/**
 * Port: tracks with the audio features mood ranking needs. Only the local
 * catalogue has them: Spotify closed audio features to new apps in 2026.
 */
export abstract class MoodCandidateSource {
  /** The known tracks among these ids, with their features; unknown ids are left out. */
  abstract findCandidatesByIds(
    ids: readonly string[],
  ): Promise<MoodCandidate[]>;

  /**
   * Tracks in or near the valence/energy box, nearest to its centre first
   * (distance in units of the box's half-widths), so a sparse box is topped
   * up with its closest neighbours.
   */
  abstract findMoodCandidates(
    query: MoodCandidateQuery,
  ): Promise<MoodCandidate[]>;
}
