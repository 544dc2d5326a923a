import { randomUUID } from 'node:crypto';

import { createKeyv } from '@keyv/redis';
import { type Cache, createCache } from 'cache-manager';

import { Track } from '@vexora/music';

import { HistoryEntry, HistoryTrack, NewDetection } from '../domain/history';
import { CachedHistoryRepository } from './cached-history.repository';
import { TypeormHistoryRepository } from './typeorm-history.repository';

const SCORES = { angry: 0.1, happy: 0.7, neutral: 0.1, sad: 0.1 };

function track(): Track {
  return {
    album: 'Album',
    artists: ['Artist'],
    durationMs: 1000,
    genre: 'pop',
    id: 'AAAAAAAAAAAAAAAAAAAAAA',
    source: 'catalog',
    thumbnailUrl: null,
    title: 'Title',
    url: 'https://open.spotify.com/track/AAAAAAAAAAAAAAAAAAAAAA',
  };
}

/**
 * Stands in for PostgreSQL so the spec can count what reaches it; each saved
 * detection shows up in the next list, newest first, like the real table.
 */
function database() {
  const entries: HistoryEntry[] = [];

  return {
    entries,
    save: jest.fn(async (detection: NewDetection) => {
      const entry: HistoryEntry = {
        createdAt: new Date(),
        face: null,
        mood: detection.mood,
        scores: detection.scores,
        userUuid: detection.userUuid,
        uuid: randomUUID(),
      };
      entries.unshift(entry);
      const tracks: HistoryTrack[] = detection.tracks.map((item, position) => ({
        createdAt: entry.createdAt,
        historyUuid: entry.uuid,
        position,
        track: item,
        uuid: randomUUID(),
      }));

      return { entry, tracks };
    }),
    listForUser: jest.fn(async (userUuid: string) =>
      entries.filter((entry) => entry.userUuid === userUuid),
    ),
    tracksOf: jest.fn(async (historyUuid: string, userUuid: string) => {
      const entry = entries.find((item) => item.uuid === historyUuid);
      if (!entry || entry.userUuid !== userUuid) {
        return null;
      }

      return [
        {
          createdAt: entry.createdAt,
          historyUuid,
          position: 0,
          track: track(),
          uuid: randomUUID(),
        },
      ];
    }),
  };
}

function detection(userUuid: string): NewDetection {
  return {
    face: null,
    mood: 'happy',
    scores: SCORES,
    tracks: [track()],
    userUuid,
  };
}

function repositoryOver(db: ReturnType<typeof database>, cache: Cache) {
  return new CachedHistoryRepository(
    db as unknown as TypeormHistoryRepository,
    cache,
  );
}

describe(CachedHistoryRepository.name, () => {
  let redisCache: Cache;
  let userUuid: string;

  beforeAll(() => {
    redisCache = createCache({
      stores: [createKeyv(process.env.REDIS_URL!, { namespace: 'spec' })],
    });
  });

  beforeEach(() => {
    userUuid = randomUUID();
  });

  afterAll(async () => {
    await redisCache.disconnect();
  });

  describe('listForUser', () => {
    it('should serve a repeated list from Redis, dates intact', async () => {
      const db = database();
      const repository = repositoryOver(db, redisCache);
      await repository.save(detection(userUuid));

      const first = await repository.listForUser(userUuid);
      const second = await repository.listForUser(userUuid);

      expect(second).toEqual(first);
      expect(second?.[0].createdAt).toBeInstanceOf(Date);
      expect(db.listForUser).toHaveBeenCalledTimes(1);
    });

    it('should show a new detection at once', async () => {
      const db = database();
      const repository = repositoryOver(db, redisCache);
      await repository.save(detection(userUuid));
      expect(await repository.listForUser(userUuid)).toHaveLength(1);

      const { entry } = await repository.save(detection(userUuid));
      const list = await repository.listForUser(userUuid);

      expect(list).toHaveLength(2);
      expect(list?.[0].uuid).toBe(entry.uuid);
    });

    it('should not cache a user with no detection since the cache began', async () => {
      const db = database();
      const repository = repositoryOver(db, redisCache);

      await repository.listForUser(userUuid);
      await repository.listForUser(userUuid);

      expect(db.listForUser).toHaveBeenCalledTimes(2);
    });

    it('should keep users apart', async () => {
      const db = database();
      const repository = repositoryOver(db, redisCache);
      const otherUuid = randomUUID();
      await repository.save(detection(userUuid));
      await repository.save(detection(otherUuid));

      await repository.listForUser(userUuid);
      const other = await repository.listForUser(otherUuid);

      expect(other).toHaveLength(1);
      expect(other?.[0].userUuid).toBe(otherUuid);
    });
  });

  describe('tracksOf', () => {
    it('should serve repeated tracks from Redis', async () => {
      const db = database();
      const repository = repositoryOver(db, redisCache);
      const { entry } = await repository.save(detection(userUuid));

      const first = await repository.tracksOf(entry.uuid, userUuid);
      const second = await repository.tracksOf(entry.uuid, userUuid);

      expect(second).toEqual(first);
      expect(second?.[0].createdAt).toBeInstanceOf(Date);
      expect(db.tracksOf).toHaveBeenCalledTimes(1);
    });

    it("should answer null for another user's entry and not cache it", async () => {
      const db = database();
      const repository = repositoryOver(db, redisCache);
      const { entry } = await repository.save(detection(randomUUID()));
      await repository.save(detection(userUuid));

      expect(await repository.tracksOf(entry.uuid, userUuid)).toBeNull();
      expect(await repository.tracksOf(entry.uuid, userUuid)).toBeNull();
      expect(db.tracksOf).toHaveBeenCalledTimes(2);
    });
  });

  describe('when the cache fails', () => {
    it('should save and list from the database while Redis refuses', async () => {
      const refused = () => Promise.reject(new Error('ECONNREFUSED'));
      const broken = { del: refused, get: refused, set: refused };
      const db = database();
      const repository = repositoryOver(db, broken as unknown as Cache);

      await repository.save(detection(userUuid));
      const list = await repository.listForUser(userUuid);

      expect(list).toHaveLength(1);
      expect(db.save).toHaveBeenCalledTimes(1);
    });

    it('should stop caching when Redis fails between drop and renewal', async () => {
      const db = database();
      const repository = repositoryOver(db, redisCache);
      await repository.save(detection(userUuid));
      await repository.listForUser(userUuid);
      const failing = {
        del: (key: string) => redisCache.del(key),
        get: <T>(key: string) => redisCache.get<T>(key),
        set: () => Promise.reject(new Error('ECONNRESET')),
      };
      const flaky = repositoryOver(db, failing as unknown as Cache);

      await flaky.save(detection(userUuid));
      const list = await repository.listForUser(userUuid);

      expect(list).toHaveLength(2);
    });

    it('should not wait for a cache that hangs', async () => {
      const never = () => new Promise<never>(() => undefined);
      const hanging = { del: never, get: never, set: never };
      const db = database();
      const repository = repositoryOver(db, hanging as unknown as Cache);
      const startedAt = Date.now();

      await repository.save(detection(userUuid));
      const list = await repository.listForUser(userUuid);

      expect(list).toHaveLength(1);
      expect(Date.now() - startedAt).toBeLessThan(2000);
    });
  });
});
