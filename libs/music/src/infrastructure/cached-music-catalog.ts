import { Logger } from '@nestjs/common';
import type { Cache } from 'cache-manager';

import { GuardedCache } from '@vexora/shared';

import { MusicCatalog } from '../domain/music-catalog';
import { foldText } from '../domain/search-text';
import { Track } from '../domain/track';

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
  private readonly cache: GuardedCache;

  constructor(
    private readonly inner: MusicCatalog,
    cache: Cache,
    private readonly options: CachedMusicCatalogOptions,
  ) {
    super();
    this.cache = new GuardedCache(
      cache,
      new Logger(CachedMusicCatalog.name),
      'Music search',
    );
  }

  findById(id: string): Promise<Track | null> {
    return this.inner.findById(id);
  }

  random(limit: number, seed?: number): Promise<Track[]> {
    return this.inner.random(limit, seed);
  }

  async search(query: string, limit: number): Promise<Track[]> {
    const key = `music:search:${this.options.namespace}:${limit}:${foldText(query)}`;
    const hit = await this.cache.get<Track[]>(key);
    if (Array.isArray(hit)) {
      return hit;
    }

    const tracks = await this.inner.search(query, limit);
    await this.cache.set(key, tracks, this.options.ttlMs);

    return tracks;
  }
}
