import { randomInt } from 'node:crypto';

import { MusicCatalog } from '../../domain/music-catalog';
import { Track } from '../../domain/track';
import { SpotifyApiClient } from './spotify-api-client';
import { SPOTIFY_ID, toTrack } from './spotify-track.mapper';
import { SpotifySearchResponse, SpotifyTrack } from './spotify.types';

/** Development Mode apps get 400 for more than 10 results per search page (2026). */
export const SPOTIFY_PAGE_LIMIT = 10;

/** Broad genres a random playlist is drawn from; Spotify has no random endpoint. */
const RANDOM_GENRES = [
  'acoustic',
  'blues',
  'chill',
  'country',
  'dance',
  'electronic',
  'folk',
  'funk',
  'hip-hop',
  'indie',
  'jazz',
  'latin',
  'pop',
  'r-n-b',
  'reggae',
  'rock',
  'soul',
] as const;

/** Random pages stay near the top of each genre, well inside the 1,000 offset cap. */
const RANDOM_PAGES = 10;

/**
 * The Spotify Web API as a MusicCatalog: search (one page of at most 10)
 * and single-track lookup, the two calls open to new apps in 2026. Calls
 * reject with SpotifyUnavailableError when Spotify cannot answer.
 */
export class SpotifyMusicCatalog extends MusicCatalog {
  constructor(
    private readonly client: SpotifyApiClient,
    private readonly market: string,
  ) {
    super();
  }

  async findById(id: string): Promise<Track | null> {
    // A malformed id costs Spotify a 400; it cannot match anything anyway.
    if (!SPOTIFY_ID.test(id)) {
      return null;
    }

    const item = await this.client.get<SpotifyTrack>(`/tracks/${id}`);

    return toTrack(item);
  }

  async random(limit: number, seed = randomInt(2 ** 31)): Promise<Track[]> {
    const genre = RANDOM_GENRES[seed % RANDOM_GENRES.length];
    const page = Math.floor(seed / RANDOM_GENRES.length) % RANDOM_PAGES;

    return this.searchPage(`genre:${genre}`, limit, page * SPOTIFY_PAGE_LIMIT);
  }

  search(query: string, limit: number): Promise<Track[]> {
    return this.searchPage(query, limit, 0);
  }

  private async searchPage(
    query: string,
    limit: number,
    offset: number,
  ): Promise<Track[]> {
    const pageSize = Math.min(Math.max(limit, 1), SPOTIFY_PAGE_LIMIT);
    const body = await this.client.get<SpotifySearchResponse>('/search', {
      limit: String(pageSize),
      market: this.market,
      offset: String(offset),
      q: query,
      type: 'track',
    });

    return (body?.tracks?.items ?? [])
      .map((item) => toTrack(item))
      .filter((track): track is Track => track !== null)
      .slice(0, limit);
  }
}
