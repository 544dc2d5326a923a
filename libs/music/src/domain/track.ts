/** Where a recommended or browsed track came from. */
export type TrackSource = 'catalog' | 'spotify';

/** A playable track as the service hands it out, independent of its source. */
export interface Track {
  album: string;
  /** Artist names, in credit order. */
  artists: string[];
  durationMs: number | null;
  genre: string | null;
  id: string;
  source: TrackSource;
  /** Absolute cover URL, or null when the source has none. */
  thumbnailUrl: string | null;
  title: string;
  /** Absolute link that opens the track (Spotify web player for catalogue rows). */
  url: string;
}
