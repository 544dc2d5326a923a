import 'reflect-metadata';

import { createKeyv } from '@keyv/redis';
import { createCache } from 'cache-manager';
import type { DataSource } from 'typeorm';

import { NotFoundError } from '@vexora/shared';

import { openCatalogDatabase } from '../../../../test/support/catalog-database';
import {
  FakeSpotify,
  SPOTIFY_IDS,
} from '../../../../test/support/fake-spotify';
import { MusicCatalog } from '../domain/music-catalog';
import { MusicSources } from '../domain/music-sources';
import { CachedMusicCatalog } from '../infrastructure/cached-music-catalog';
import { PostgresMusicCatalog } from '../infrastructure/postgres-music-catalog';
import { createSpotifyCatalog } from '../infrastructure/spotify/spotify.factory';
import { BROWSE_LIMIT, BrowseMusicUseCase } from './browse-music.use-case';

const CSNY_TRACK_ID = '0gCJkpD0RhF2rjiALLHBQL';
const DECOMPOSED_TITLE_ID = '3RuDv1zMc0DJ4t8J1XRDPk';

describe(BrowseMusicUseCase.name, () => {
  const fake = new FakeSpotify();
  let dataSource: DataSource;
  let local: MusicCatalog;

  beforeAll(async () => {
    await fake.start();
    ({ catalog: local, dataSource } = await openCatalogDatabase());
  });

  afterAll(async () => {
    await dataSource.destroy();
    await fake.stop();
  });

  beforeEach(() => {
    fake.reset();
  });

  /** A fresh Spotify adapter per test, so a back-off does not leak. */
  function withSpotify(): BrowseMusicUseCase {
    const remote = createSpotifyCatalog(fake.settings());

    return new BrowseMusicUseCase({ local, remote } satisfies MusicSources);
  }

  function withoutSpotify(): BrowseMusicUseCase {
    return new BrowseMusicUseCase({ local, remote: null });
  }

  describe('without Spotify', () => {
    it('should draw a random playlist from the catalogue', async () => {
      const result = await withoutSpotify().random(42);

      expect(result.source).toBe('catalog');
      expect(result.tracks).toHaveLength(BROWSE_LIMIT);
      expect(result.tracks.every(({ source }) => source === 'catalog')).toBe(
        true,
      );
    });

    it('should search the catalogue ignoring case and accents', async () => {
      const result = await withoutSpotify().search('NÃO DEI');

      expect(result.source).toBe('catalog');
      expect(result.tracks.map(({ id }) => id)).toContain(DECOMPOSED_TITLE_ID);
    });

    it('should search artist, album and genre too', async () => {
      const result = await withoutSpotify().search('crosby deja vu psych');

      expect(result.tracks.map(({ id }) => id)).toEqual([CSNY_TRACK_ID]);
    });

    it('should find a catalogue track by id', async () => {
      const result = await withoutSpotify().findById(CSNY_TRACK_ID);

      expect(result).toEqual({
        source: 'catalog',
        tracks: [expect.objectContaining({ id: CSNY_TRACK_ID })],
      });
    });

    it('should reject an unknown id with NotFoundError', async () => {
      await expect(
        withoutSpotify().findById(SPOTIFY_IDS.unknown),
      ).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('with Spotify', () => {
    it('should answer random playlist, search and lookup from Spotify', async () => {
      const browse = withSpotify();

      const random = await browse.random(3);
      const search = await browse.search('pop');
      const track = await browse.findById(SPOTIFY_IDS.known);

      expect(random.source).toBe('spotify');
      expect(random.tracks).toHaveLength(BROWSE_LIMIT);
      expect(search.source).toBe('spotify');
      expect(search.tracks.every(({ source }) => source === 'spotify')).toBe(
        true,
      );
      expect(track.source).toBe('spotify');
      expect(track.tracks[0].id).toBe(SPOTIFY_IDS.known);
    });

    it('should take Spotify at its word on an unknown id', async () => {
      await expect(
        withSpotify().findById(SPOTIFY_IDS.unknown),
      ).rejects.toBeInstanceOf(NotFoundError);
    });

    it('should fall back to the catalogue on a 5xx', async () => {
      fake.failNext(503);

      const result = await withSpotify().search('crosby deja vu');

      expect(result.source).toBe('catalog');
      expect(result.tracks.map(({ id }) => id)).toEqual([CSNY_TRACK_ID]);
    });

    it('should fall back to the catalogue on a 403', async () => {
      fake.failNext(403);

      const result = await withSpotify().findById(CSNY_TRACK_ID);

      expect(result.source).toBe('catalog');
    });

    it('should fall back at once on a 429 asking for a day, and keep off Spotify', async () => {
      const browse = withSpotify();
      fake.failNext(429, { quota: true, retryAfterSeconds: 86_400 });
      const startedAt = Date.now();

      const first = await browse.random(5);
      const second = await browse.search('love');

      expect(Date.now() - startedAt).toBeLessThan(1000);
      expect(first.source).toBe('catalog');
      expect(first.tracks).toHaveLength(BROWSE_LIMIT);
      expect(second.source).toBe('catalog');
      expect(fake.apiRequests).toHaveLength(1);
    });

    it('should wait out a 429 with Retry-After: 1 and answer from Spotify', async () => {
      fake.failNext(429, { retryAfterSeconds: 1 });

      const result = await withSpotify().search('pop');

      expect(result.source).toBe('spotify');
      expect(fake.apiRequests).toHaveLength(2);
    });

    it('should answer from Spotify after a 401 and a token renewal', async () => {
      const browse = withSpotify();
      await browse.search('pop');
      fake.failNext(401);

      const result = await browse.search('rock');

      expect(result.source).toBe('spotify');
      expect(fake.tokenRequests).toBe(2);
    });

    it('should let the catalogue fill a random page Spotify has empty', async () => {
      const remote: MusicCatalog = {
        findById: jest.fn(),
        random: jest.fn().mockResolvedValue([]),
        search: jest.fn(),
      };

      const result = await new BrowseMusicUseCase({ local, remote }).random(1);

      expect(result.source).toBe('catalog');
      expect(result.tracks).toHaveLength(BROWSE_LIMIT);
    });
  });

  describe('search cache', () => {
    it('should answer a repeated Spotify search from Redis', async () => {
      const cache = createCache({
        stores: [createKeyv(process.env.REDIS_URL!, { namespace: 'spec' })],
      });
      const remote = new CachedMusicCatalog(
        createSpotifyCatalog(fake.settings()),
        cache,
        { namespace: `spotify-${Date.now()}`, ttlMs: 60_000 },
      );
      const browse = new BrowseMusicUseCase({ local, remote });

      const first = await browse.search('Cached Query');
      const second = await browse.search('cached query');

      expect(second).toEqual(first);
      expect(fake.apiRequests).toHaveLength(1);
      await cache.disconnect();
    });
  });
});
