import 'reflect-metadata';

import type { DataSource } from 'typeorm';

import { openCatalogDatabase } from '../../../../test/support/catalog-database';

import { PostgresMusicCatalog } from './postgres-music-catalog';

const CSNY_TRACK_ID = '0gCJkpD0RhF2rjiALLHBQL';
const DECOMPOSED_TITLE_ID = '3RuDv1zMc0DJ4t8J1XRDPk';

describe(PostgresMusicCatalog.name, () => {
  let dataSource: DataSource;
  let catalog: PostgresMusicCatalog;

  beforeAll(async () => {
    ({ catalog, dataSource } = await openCatalogDatabase());
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  describe('findById', () => {
    it('should map a catalogue row to a Track with a Spotify link', async () => {
      const track = await catalog.findById(CSNY_TRACK_ID);

      expect(track).toEqual({
        album: 'Deja Vu',
        artists: ['Crosby, Stills, Nash & Young'],
        durationMs: 269173,
        genre: 'psych-rock',
        id: CSNY_TRACK_ID,
        source: 'catalog',
        thumbnailUrl: null,
        title: 'Almost Cut My Hair',
        url: `https://open.spotify.com/track/${CSNY_TRACK_ID}`,
      });
    });

    it('should split several artists on the semicolon', async () => {
      const track = await catalog.findById('03VNgdCL9t8aPyvwZecglI');

      expect(track?.artists).toEqual(['Jason Mraz', 'Meghan Trainor']);
    });

    it('should return null for an unknown id', async () => {
      await expect(
        catalog.findById('0000000000000000000000'),
      ).resolves.toBeNull();
    });
  });

  describe('search', () => {
    it('should match without accents against a decomposed title', async () => {
      const tracks = await catalog.search('nao dei tchau', 5);

      expect(tracks.map(({ id }) => id)).toContain(DECOMPOSED_TITLE_ID);
    });

    it('should match an upper-case accented query', async () => {
      const tracks = await catalog.search('NÃO DEI', 5);

      expect(tracks.map(({ id }) => id)).toContain(DECOMPOSED_TITLE_ID);
    });

    it('should match an accented artist typed without accents', async () => {
      const tracks = await catalog.search('zeze di camargo', 10);

      expect(tracks[0].artists).toContain('Zezé Di Camargo & Luciano');
    });

    it('should require every word and search artist and album too', async () => {
      const tracks = await catalog.search('crosby deja vu', 10);

      expect(tracks.map(({ id }) => id)).toEqual([CSNY_TRACK_ID]);
    });

    it('should respect the limit and treat LIKE wildcards literally', async () => {
      const percent = await catalog.search('%', 3);

      await expect(catalog.search('love', 3)).resolves.toHaveLength(3);
      expect(percent.length).toBeGreaterThan(0);
      expect(
        percent.every(({ album, title }) => `${title}${album}`.includes('%')),
      ).toBe(true);
      await expect(catalog.search('   ', 3)).resolves.toEqual([]);
    });
  });

  describe('random', () => {
    it('should return the same tracks for the same seed', async () => {
      const first = await catalog.random(10, 42);
      const second = await catalog.random(10, 42);

      expect(first).toHaveLength(10);
      expect(second).toEqual(first);
    });

    it('should return different tracks for different seeds', async () => {
      const first = await catalog.random(10, 1);
      const second = await catalog.random(10, 2);

      expect(second.map(({ id }) => id)).not.toEqual(first.map(({ id }) => id));
    });

    it('should return tracks without a seed', async () => {
      await expect(catalog.random(5)).resolves.toHaveLength(5);
    });
  });

  describe('findMoodCandidates', () => {
    it('should return the tracks nearest the centre of the box first', async () => {
      const box = {
        energy: { max: 0.4, min: 0.2 },
        valence: { max: 0.3, min: 0.1 },
      };

      const candidates = await catalog.findMoodCandidates({
        ...box,
        limit: 50,
      });

      expect(candidates).toHaveLength(50);
      const distances = candidates.map(
        ({ features }) =>
          ((features.valence - 0.2) / 0.1) ** 2 +
          ((features.energy - 0.3) / 0.1) ** 2,
      );
      // real (float4) columns: allow rounding noise between equal distances.
      const outOfOrder = distances.filter(
        (distance, index) => distance > distances[index + 1] + 1e-6,
      );
      expect(outOfOrder).toEqual([]);
      expect(distances[distances.length - 1]).toBeLessThan(1);
    });
  });
});
