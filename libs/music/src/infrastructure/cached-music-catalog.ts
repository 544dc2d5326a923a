import { Logger } from '@nestjs/common';
import type { Cache } from 'cache-manager';

import { MusicCatalog } from '../domain/music-catalog';
import { foldText } from '../domain/search-text';
import { Track } from '../domain/track';

/** A cache slower than this is treated as down: the catalogue answers instead. */
const CACHE_TIMEOUT_MS = 250;

export interface CachedMusicCatalogOptions {
  /** Tells apart the catalogues sharing the cache, e.g. `catalog`, `spotify`. */
  namespace: string;
  ttlMs: number;
}

/**
 * Keeps search results in the cache (Redis) per folded query for a short
 * time; lookups and random picks pass through. Cache failures are logged and
 * the wrapped catalogue answers; its own failures propagate untouched, and
 * are never cached.
 */
export class CachedMusicCatalog extends MusicCatalog {
  private readonly logger = new Logger(CachedMusicCatalog.name);

  constructor(
    private readonly inner: MusicCatalog,
    private readonly cache: Cache,
    private readonly options: CachedMusicCatalogOptions,
  ) {
    super();
  }

  findById(id: string): Promise<Track | null> {
    return this.inner.findById(id);
  }

  random(limit: number, seed?: number): Promise<Track[]> {
    return this.inner.random(limit, seed);
  }

  async search(query: string, limit: number): Promise<Track[]> {
    const key = `music:search:${this.options.namespace}:${limit}:${foldText(query)}`;
    const hit = await this.attempt('read', () => this.cache.get<Track[]>(key));
    if (Array.isArray(hit)) {
      return hit;
    }

    const tracks = await this.inner.search(query, limit);
    await this.attempt('write', () =>
      this.cache.set(key, tracks, this.options.ttlMs),
    );

    return tracks;
  }

  private async attempt<T>(
    action: string,
    operation: () => Promise<T>,
  ): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${CACHE_TIMEOUT_MS} ms`)),
        CACHE_TIMEOUT_MS,
      );
    });

    try {
      return await Promise.race([operation(), timeout]);
    } catch (error) {
      this.logger.warn(
        `Music search cache ${action} failed, skipping the cache: ${String(error)}`,
      );

      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
