/**
 * The parts of Spotify Web API bodies the adapter reads (2026 shapes, see
 * reference/spotify-fixtures). Everything is optional at runtime: the mapper
 * checks before it trusts a field.
 */
export interface SpotifyImage {
  height?: number | null;
  url?: string;
  width?: number | null;
}

export interface SpotifyArtist {
  name?: string;
}

export interface SpotifyAlbum {
  images?: SpotifyImage[];
  name?: string;
}

export interface SpotifyTrack {
  album?: SpotifyAlbum;
  artists?: SpotifyArtist[];
  duration_ms?: number;
  external_urls?: { spotify?: string };
  id?: string;
  name?: string;
}

export interface SpotifySearchResponse {
  tracks?: {
    /** Real responses occasionally hold null entries. */
    items?: Array<SpotifyTrack | null>;
    total?: number;
  };
}

export interface SpotifyTokenResponse {
  access_token?: string;
  /** Seconds. */
  expires_in?: number;
  token_type?: string;
}
