import 'reflect-metadata';

import type { DataSource } from 'typeorm';

import { openCatalogDatabase } from '../../../../test/support/catalog-database';

import { MoodCandidateSource, MusicCatalog } from '../domain/music-catalog';
import { Track } from '../domain/track';
import { PostgresMusicCatalog } from '../infrastructure/postgres-music-catalog';
import {
  CatalogTrackRecommender,
  RECOMMENDATION_COUNT,
} from './catalog-track-recommender';
import { MOOD_PROFILES } from './mood-profiles';

const COVER = 'https://i.scdn.co/image/ab67616d0000b273cover';

function spotifyTrack(id: string, artist = `Artist ${id}`): Track {
  return {
    album: 'Spotify Album',
    artists: [artist],
    durationMs: 200_000,
    genre: null,
    id,
    source: 'spotify',
    thumbnailUrl: COVER,
    title: `Spotify ${id}`,
    url: `https://open.spotify.com/track/${id}`,
  };
}

function remoteReturning(tracks: Track[] | Error) {
  const search = jest.fn(async () => {
    if (tracks instanceof Error) {
      throw tracks;
    }

    return tracks;
  });
  const remote: MusicCatalog = {
    findById: jest.fn(),
    random: jest.fn(),
    search,
  };

  return { remote, search };
}

/** 22 base62 characters no catalogue row uses. */
const unknownId = (index: number) =>
  `zzzzzzzzzzzzzzzzzzzz${String(index).padStart(2, '0')}`;

describe(`${CatalogTrackRecommender.name} with Spotify`, () => {
  let dataSource: DataSource;
  let catalog: PostgresMusicCatalog;

  beforeAll(async () => {
    ({ catalog, dataSource } = await openCatalogDatabase());
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  const request = (seed: number) => ({
    mood: 'happy' as const,
    recentTrackIds: new Set<string>(),
    seed,
    userId: 'user-1',
  });

  describe('recommend', () => {
    it('should search Spotify for one of the mood genres', async () => {
      const { remote, search } = remoteReturning([]);
      const recommender = new CatalogTrackRecommender(catalog, {
        local: catalog,
        remote,
      });

      await recommender.recommend(request(5));

      expect(search).toHaveBeenCalledTimes(1);
      const [query, limit] = search.mock.calls[0] as unknown as [
        string,
        number,
      ];
      expect(limit).toBeLessThanOrEqual(10);
      expect(query).toMatch(/^genre:/);
      expect(MOOD_PROFILES.happy.genres.has(query.slice('genre:'.length))).toBe(
        true,
      );
    });

    it('should recommend as without Spotify when Spotify fails', async () => {
      const { remote } = remoteReturning(new Error('503'));
      const withFailingSpotify = new CatalogTrackRecommender(catalog, {
        local: catalog,
        remote,
      });
      const catalogueOnly = new CatalogTrackRecommender(catalog);

      const tracks = await withFailingSpotify.recommend(request(9));

      expect(tracks).toHaveLength(RECOMMENDATION_COUNT);
      expect(tracks).toEqual(await catalogueOnly.recommend(request(9)));
    });

    it('should rank a Spotify result the catalogue knows on its features and keep the cover', async () => {
      const baseline = await new CatalogTrackRecommender(catalog).recommend(
        request(21),
      );
      const known = baseline[0];
      const { remote } = remoteReturning([
        spotifyTrack(known.id, known.artists[0]),
      ]);
      const recommender = new CatalogTrackRecommender(catalog, {
        local: catalog,
        remote,
      });

      const tracks = await recommender.recommend(request(21));

      expect(tracks.map(({ id }) => id)).toEqual(baseline.map(({ id }) => id));
      expect(tracks[0]).toMatchObject({
        genre: known.genre,
        id: known.id,
        source: 'spotify',
        thumbnailUrl: COVER,
      });
    });

    it('should let unknown Spotify results fill in when the catalogue has too few', async () => {
      const local = await catalog.findMoodCandidates({
        ...MOOD_PROFILES.happy.region,
        limit: 3,
      });
      const thin: MoodCandidateSource = {
        findCandidatesByIds: (ids) => catalog.findCandidatesByIds(ids),
        findMoodCandidates: async () => local,
      };
      const { remote } = remoteReturning(
        Array.from({ length: 10 }, (_, index) =>
          spotifyTrack(unknownId(index)),
        ),
      );
      const recommender = new CatalogTrackRecommender(thin, {
        local: catalog,
        remote,
      });

      const tracks = await recommender.recommend(request(3));

      expect(tracks).toHaveLength(RECOMMENDATION_COUNT);
      const fromSpotify = tracks.filter(({ source }) => source === 'spotify');
      expect(fromSpotify).toHaveLength(RECOMMENDATION_COUNT - 3);
      expect(
        fromSpotify.every(({ genre }) =>
          MOOD_PROFILES.happy.genres.has(genre!),
        ),
      ).toBe(true);
      expect(tracks.map(({ id }) => id)).toEqual(
        expect.arrayContaining(local.map(({ track }) => track.id)),
      );
    });
  });
});
