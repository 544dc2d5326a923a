import type { SpotifySettings } from '@vexora/shared';

import { Clock, SYSTEM_CLOCK } from './clock';
import { SpotifyApiClient } from './spotify-api-client';
import { SpotifyMusicCatalog } from './spotify-music-catalog';
import { SpotifyTokenProvider } from './spotify-token-provider';

/** Wires the token provider, the API client and the catalogue adapter. */
export function createSpotifyCatalog(
  settings: SpotifySettings,
  clock: Clock = SYSTEM_CLOCK,
): SpotifyMusicCatalog {
  const tokens = new SpotifyTokenProvider(settings, clock);
  const client = new SpotifyApiClient(settings, tokens, clock);

  return new SpotifyMusicCatalog(client, settings.market);
}
