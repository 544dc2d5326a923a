/** The catalogue's Spotify audio features used for mood ranking. */
export interface AudioFeatures {
  /** 0..1 confidence the track is acoustic. */
  acousticness: number;
  /** 0..1 suitability for dancing. */
  danceability: number;
  /** 0..1 perceived intensity. */
  energy: number;
  /** Beats per minute; 0 when unknown. */
  tempo: number;
  /** 0..1 musical positiveness. */
  valence: number;
}
