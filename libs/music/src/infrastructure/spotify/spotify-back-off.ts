import { Logger } from '@nestjs/common';
import type { Cache } from 'cache-manager';

import { GuardedCache } from '@vexora/shared';

/**
 * Where the time until which Spotify is left alone is kept, so that every
 * instance of the service honours a long 429 that one of them received.
 */
export interface SpotifyBackOffStore {
  /** Epoch milliseconds until which calls fail fast; 0 when none is known. */
  until(): Promise<number>;
  /** Records a back-off; an earlier deadline never shortens a later one. */
  extend(untilMs: number, nowMs: number): Promise<void>;
}

const KEY = 'spotify:back-off-until';

/**
 * Keeps the back-off in Redis (through the shared cache), expiring with it.
 * Redis trouble only costs the sharing: each instance still backs off on
 * its own, and a read that fails counts as "no back-off known".
 */
export class CacheSpotifyBackOffStore implements SpotifyBackOffStore {
  private readonly cache: GuardedCache;

  constructor(cache: Cache) {
    this.cache = new GuardedCache(
      cache,
      new Logger(CacheSpotifyBackOffStore.name),
      'Spotify back-off',
    );
  }

  async until(): Promise<number> {
    const value = await this.cache.get<number>(KEY);

    return typeof value === 'number' ? value : 0;
  }

  async extend(untilMs: number, nowMs: number): Promise<void> {
    if (untilMs <= (await this.until())) {
      return;
    }

    await this.cache.set(KEY, untilMs, Math.max(1, untilMs - nowMs));
  }
}
