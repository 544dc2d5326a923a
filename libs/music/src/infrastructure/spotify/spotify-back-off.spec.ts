import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import { createKeyv } from '@keyv/redis';
import { type Cache, createCache } from 'cache-manager';

import {
  FakeSpotify,
  SPOTIFY_IDS,
} from '../../../../../test/support/fake-spotify';
import { SpotifyApiClient } from './spotify-api-client';
import { CacheSpotifyBackOffStore } from './spotify-back-off';
import { SpotifyTokenProvider } from './spotify-token-provider';
import { SpotifyUnavailableError } from './spotify-unavailable.error';

describe(CacheSpotifyBackOffStore.name, () => {
  const fake = new FakeSpotify();
  const caches: Cache[] = [];
  let namespace: string;

  /** One service instance: its own Redis connection, token and client. */
  function instance(
    settings = fake.settings(),
    cache: Cache = redisCache(),
  ): SpotifyApiClient {
    return new SpotifyApiClient(
      settings,
      new SpotifyTokenProvider(settings),
      undefined,
      new CacheSpotifyBackOffStore(cache),
    );
  }

  function redisCache(): Cache {
    const cache = createCache({
      stores: [createKeyv(process.env.REDIS_URL!, { namespace })],
    });
    caches.push(cache);

    return cache;
  }

  const trackPath = `/tracks/${SPOTIFY_IDS.known}`;

  beforeAll(async () => {
    await fake.start();
  });

  afterAll(async () => {
    await Promise.all(caches.map((cache) => cache.disconnect()));
    await fake.stop();
  });

  beforeEach(() => {
    fake.reset();
    namespace = `spec-back-off-${randomUUID()}`;
  });

  it("should make a second instance honour the first one's long 429", async () => {
    const first = instance();
    const second = instance();
    fake.failNext(429, { quota: true, retryAfterSeconds: 86_400 });

    await expect(first.get(trackPath)).rejects.toMatchObject({ status: 429 });
    await expect(second.get(trackPath)).rejects.toBeInstanceOf(
      SpotifyUnavailableError,
    );

    expect(second.backingOff).toBe(true);
    expect(fake.apiRequests).toHaveLength(1);
  });

  it('should let every instance call again once the back-off has passed', async () => {
    const settings = fake.settings({ maxRetryAfterSeconds: 0 });
    const first = instance(settings);
    const second = instance(settings);
    fake.failNext(429, { retryAfterSeconds: 1 });

    await expect(first.get(trackPath)).rejects.toMatchObject({ status: 429 });
    await expect(second.get(trackPath)).rejects.toBeInstanceOf(
      SpotifyUnavailableError,
    );
    await sleep(1100);

    await expect(second.get(trackPath)).resolves.toMatchObject({
      id: SPOTIFY_IDS.known,
    });
    expect(fake.apiRequests).toHaveLength(2);
  });

  it('should never shorten a longer back-off already recorded', async () => {
    const store = new CacheSpotifyBackOffStore(redisCache());
    const now = Date.now();

    await store.extend(now + 60_000, now);
    await store.extend(now + 5_000, now);

    expect(await store.until()).toBe(now + 60_000);
  });

  it('should still back off alone when Redis refuses', async () => {
    const refused = () => Promise.reject(new Error('ECONNREFUSED'));
    const broken = { get: refused, set: refused } as unknown as Cache;
    const alone = instance(fake.settings(), broken);
    fake.failNext(429, { quota: true, retryAfterSeconds: 86_400 });

    await expect(alone.get(trackPath)).rejects.toMatchObject({ status: 429 });
    await expect(alone.get(trackPath)).rejects.toBeInstanceOf(
      SpotifyUnavailableError,
    );

    expect(fake.apiRequests).toHaveLength(1);
  });
});
