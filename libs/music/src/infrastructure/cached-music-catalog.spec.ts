import type { Cache } from 'cache-manager';

import { MusicCatalog } from '../domain/music-catalog';
import { Track } from '../domain/track';
import { CachedMusicCatalog } from './cached-music-catalog';

function track(id = 'AAAAAAAAAAAAAAAAAAAAAA'): Track {
  return {
    album: 'Album',
    artists: ['Artist'],
    durationMs: 1000,
    genre: 'pop',
    id,
    source: 'catalog',
    thumbnailUrl: null,
    title: 'Title',
    url: `https://open.spotify.com/track/${id}`,
  };
}

function innerCatalog() {
  return {
    findById: jest.fn().mockResolvedValue(track()),
    random: jest.fn().mockResolvedValue([track()]),
    search: jest.fn().mockResolvedValue([track()]),
  } satisfies MusicCatalog;
}

function memoryCache() {
  const entries = new Map<string, unknown>();

  return {
    entries,
    get: jest.fn(async (key: string) => entries.get(key)),
    set: jest.fn(async (key: string, value: unknown) => {
      entries.set(key, value);

      return value;
    }),
  };
}

describe(CachedMusicCatalog.name, () => {
  const options = { namespace: 'catalog', ttlMs: 60_000 };

  describe('search', () => {
    it('should answer a repeated query from the cache', async () => {
      const inner = innerCatalog();
      const cache = memoryCache();
      const catalog = new CachedMusicCatalog(
        inner,
        cache as unknown as Cache,
        options,
      );

      const first = await catalog.search('Café  Tacvba', 10);
      const second = await catalog.search('cafe tacvba', 10);

      expect(second).toEqual(first);
      expect(inner.search).toHaveBeenCalledTimes(1);
      expect(cache.set).toHaveBeenCalledWith(
        'music:search:catalog:10:cafe tacvba',
        [track()],
        60_000,
      );
    });

    it('should serve from the catalogue when the cache fails', async () => {
      const inner = innerCatalog();
      const cache = {
        get: jest.fn().mockRejectedValue(new Error('ECONNREFUSED')),
        set: jest.fn().mockRejectedValue(new Error('ECONNREFUSED')),
      };
      const catalog = new CachedMusicCatalog(
        inner,
        cache as unknown as Cache,
        options,
      );

      await expect(catalog.search('love', 10)).resolves.toEqual([track()]);
      expect(inner.search).toHaveBeenCalledWith('love', 10);
    });

    it('should not wait for a cache that hangs', async () => {
      const inner = innerCatalog();
      const never = () => new Promise<never>(() => undefined);
      const cache = { get: jest.fn(never), set: jest.fn(never) };
      const catalog = new CachedMusicCatalog(
        inner,
        cache as unknown as Cache,
        options,
      );
      const startedAt = Date.now();

      await expect(catalog.search('love', 10)).resolves.toEqual([track()]);
      expect(Date.now() - startedAt).toBeLessThan(1000);
    });

    it('should neither cache nor swallow a failure of the catalogue', async () => {
      const inner = innerCatalog();
      inner.search.mockRejectedValue(new Error('down'));
      const cache = memoryCache();
      const catalog = new CachedMusicCatalog(
        inner,
        cache as unknown as Cache,
        options,
      );

      await expect(catalog.search('love', 10)).rejects.toThrow('down');
      expect(cache.set).not.toHaveBeenCalled();
    });
  });

  describe('findById and random', () => {
    it('should pass through without touching the cache', async () => {
      const inner = innerCatalog();
      const cache = memoryCache();
      const catalog = new CachedMusicCatalog(
        inner,
        cache as unknown as Cache,
        options,
      );

      await catalog.findById('AAAAAAAAAAAAAAAAAAAAAA');
      await catalog.random(5, 3);

      expect(inner.findById).toHaveBeenCalledWith('AAAAAAAAAAAAAAAAAAAAAA');
      expect(inner.random).toHaveBeenCalledWith(5, 3);
      expect(cache.get).not.toHaveBeenCalled();
    });
  });
});
