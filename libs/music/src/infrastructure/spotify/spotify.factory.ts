import type { SpotifySettings } from '@vexora/shared';

import { Clock, SYSTEM_CLOCK } from './clock';
import { SpotifyApiClient } from './spotify-api-client';
import { SpotifyBackOffStore } from './spotify-back-off';
import { SpotifyMusicCatalog } from './spotify-music-catalog';
import { SpotifyTokenProvider } from './spotify-token-provider';

/**
 * Wires the token provider, the API client and the catalogue adapter;
 * `backOff` shares a long 429's back-off with other instances.
 */
export function createSpotifyCatalog(
  settings: SpotifySettings,
  backOff: SpotifyBackOffStore | null = null,
  clock: Clock = SYSTEM_CLOCK,
): SpotifyMusicCatalog {
  const tokens = new SpotifyTokenProvider(settings, clock);
  const client = new SpotifyApiClient(settings, tokens, clock, backOff);

  return new SpotifyMusicCatalog(client, settings.market);
}
