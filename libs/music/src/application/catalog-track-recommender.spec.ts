import 'reflect-metadata';

import type { DataSource } from 'typeorm';

import { Mood, MOODS } from '@vexora/shared';

import { openCatalogDatabase } from '../../../../test/support/catalog-database';

import { buildMoodAffinity } from '../domain/mood-affinity';
import {
  CatalogTrackRecommender,
  RECOMMENDATION_COUNT,
} from './catalog-track-recommender';
import { MOOD_PROFILES } from './mood-profiles';
import { artistKeys } from './track-scoring';

const SEEDS = [1, 7, 42, 1234, 99_999];

describe(CatalogTrackRecommender.name, () => {
  let dataSource: DataSource;
  let recommender: CatalogTrackRecommender;

  beforeAll(async () => {
    const opened = await openCatalogDatabase();
    dataSource = opened.dataSource;
    recommender = new CatalogTrackRecommender(opened.catalog);
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  function recommend(
    mood: Mood,
    seed?: number,
    recentTrackIds = new Set<string>(),
  ) {
    return recommender.recommend({
      mood,
      recentTrackIds,
      seed,
      userId: 'user-1',
    });
  }

  async function meanFeatures(ids: string[]) {
    const rows: Array<{ energy: number; valence: number }> =
      await dataSource.query(
        'SELECT avg(valence)::float AS valence, avg(energy)::float AS energy FROM tracks WHERE id = ANY($1)',
        [ids],
      );

    return rows[0];
  }

  describe('recommend', () => {
    it.each(MOODS.map((mood) => [mood]))(
      'should pick %s tracks whose mean valence and energy lie in the mood region',
      async (mood) => {
        const { energy, valence } = MOOD_PROFILES[mood].region;
        for (const seed of SEEDS) {
          const tracks = await recommend(mood, seed);

          expect(tracks).toHaveLength(RECOMMENDATION_COUNT);
          const mean = await meanFeatures(tracks.map(({ id }) => id));
          expect(mean.valence).toBeGreaterThanOrEqual(valence.min);
          expect(mean.valence).toBeLessThanOrEqual(valence.max);
          expect(mean.energy).toBeGreaterThanOrEqual(energy.min);
          expect(mean.energy).toBeLessThanOrEqual(energy.max);
        }
      },
    );

    it.each(MOODS.map((mood) => [mood]))(
      'should never repeat an artist for %s',
      async (mood) => {
        for (const seed of SEEDS) {
          const tracks = await recommend(mood, seed);

          const artists = tracks.flatMap(({ artists }) => artistKeys(artists));
          expect(new Set(artists).size).toBe(artists.length);
        }
      },
    );

    it('should spread the picks over several genres', async () => {
      const tracks = await recommend('angry', 3);

      const perGenre = new Map<string, number>();
      tracks.forEach(({ genre }) =>
        perGenre.set(genre!, (perGenre.get(genre!) ?? 0) + 1),
      );
      expect(Math.max(...perGenre.values())).toBeLessThanOrEqual(2);
    });

    it('should not repeat any of the previous picks', async () => {
      const previous = await recommend('sad', 5);
      const recent = new Set(previous.slice(0, 5).map(({ id }) => id));

      const next = await recommend('sad', 5, recent);

      expect(next).toHaveLength(RECOMMENDATION_COUNT);
      expect(next.filter(({ id }) => recent.has(id))).toEqual([]);
    });

    it('should return the same list for the same seed', async () => {
      const first = await recommend('happy', 2024);
      const second = await recommend('happy', 2024);

      expect(second).toEqual(first);
    });

    it('should usually return a different list for a different seed', async () => {
      const lists = await Promise.all(
        SEEDS.map((seed) => recommend('neutral', seed)),
      );

      const distinct = new Set(
        lists.map((tracks) => tracks.map(({ id }) => id).join()),
      );
      expect(distinct.size).toBe(SEEDS.length);
    });

    it('should recommend without a seed', async () => {
      await expect(recommend('happy')).resolves.toHaveLength(
        RECOMMENDATION_COUNT,
      );
    });

    it('should give users with different histories different lists', async () => {
      const rows: Array<{ artists: string; genre: string }> =
        await dataSource.query(
          `SELECT artists, genre FROM tracks
         WHERE genre IN ('dance', 'funk', 'happy', 'pop', 'disco', 'reggae')
         ORDER BY id`,
        );
      const picksOf = (genre: string) =>
        rows.filter((row) => row.genre === genre);
      const affinityOf = (genres: string[]) => {
        const picks = genres.flatMap((genre) => picksOf(genre).slice(0, 10));

        return buildMoodAffinity(
          picks.flatMap((pick) => pick.artists.split(';')),
          picks.map((pick) => pick.genre),
        );
      };
      const forUser = (userId: string, genres: string[]) =>
        recommender.recommend({
          affinity: affinityOf(genres),
          mood: 'happy',
          recentTrackIds: new Set(),
          seed: 11,
          userId,
        });

      const funky = await forUser('user-a', ['funk', 'disco']);
      const poppy = await forUser('user-b', ['pop', 'dance']);
      const anonymous = await recommend('happy', 11);
      const ids = (tracks: typeof funky) => tracks.map(({ id }) => id);
      const matching = (tracks: typeof funky, genres: string[]) =>
        tracks.filter(({ genre }) => genres.includes(genre ?? '')).length;

      expect(ids(funky)).not.toEqual(ids(poppy));
      expect(ids(funky)).not.toEqual(ids(anonymous));
      expect(matching(funky, ['funk', 'disco'])).toBeGreaterThanOrEqual(
        matching(anonymous, ['funk', 'disco']),
      );
      expect(matching(poppy, ['pop', 'dance'])).toBeGreaterThan(
        matching(anonymous, ['pop', 'dance']),
      );
    });
  });
});
