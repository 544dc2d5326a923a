import 'reflect-metadata';

import { Test, TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';

import { CacheModule } from '@vexora/shared/cache/cache.module';
import { ConfigModule } from '@vexora/shared/config/config.module';

import { CatalogTrackRecommender } from './application/catalog-track-recommender';
import { MoodCandidateSource, MusicCatalog } from './domain/music-catalog';
import { MemoisedMoodCandidates } from './infrastructure/memoised-mood-candidates';
import { MusicSources } from './domain/music-sources';
import { TrackRecommender } from './domain/track-recommender';
import { CachedMusicCatalog } from './infrastructure/cached-music-catalog';
import { PostgresMusicCatalog } from './infrastructure/postgres-music-catalog';
import { MusicModule } from './music.module';

const SPOTIFY_ENV = {
  SPOTIFY_ACCOUNTS_URL: 'http://127.0.0.1:9',
  SPOTIFY_API_URL: 'http://127.0.0.1:9/v1',
  SPOTIFY_CLIENT_ID: 'module-spec-client',
  SPOTIFY_CLIENT_SECRET: 'module-spec-secret',
};

function compile(): Promise<TestingModule> {
  return Test.createTestingModule({
    imports: [
      ConfigModule,
      CacheModule,
      TypeOrmModule.forRoot({
        autoLoadEntities: true,
        type: 'postgres',
        url: process.env.DATABASE_URL,
      }),
      MusicModule,
    ],
  }).compile();
}

describe(MusicModule.name, () => {
  describe('without Spotify settings', () => {
    let moduleRef: TestingModule;

    beforeAll(async () => {
      moduleRef = await compile();
    });

    afterAll(async () => {
      await moduleRef.close();
    });

    it('should bind the ports to the catalogue adapters', async () => {
      const recommender = moduleRef.get(TrackRecommender);

      expect(moduleRef.get(MusicCatalog)).toBeInstanceOf(PostgresMusicCatalog);
      expect(moduleRef.get(MoodCandidateSource)).toBeInstanceOf(
        MemoisedMoodCandidates,
      );
      expect(recommender).toBeInstanceOf(CatalogTrackRecommender);
      await expect(
        recommender.recommend({
          mood: 'sad',
          recentTrackIds: new Set(),
          seed: 1,
          userId: 'u',
        }),
      ).resolves.toHaveLength(10);
    });

    it('should browse the cached local catalogue only', () => {
      const sources = moduleRef.get(MusicSources);

      expect(sources.local).toBeInstanceOf(CachedMusicCatalog);
      expect(sources.remote).toBeNull();
    });
  });

  describe('with Spotify settings', () => {
    let moduleRef: TestingModule;

    beforeAll(async () => {
      Object.assign(process.env, SPOTIFY_ENV);
      moduleRef = await compile();
    });

    afterAll(async () => {
      for (const key of Object.keys(SPOTIFY_ENV)) {
        delete process.env[key];
      }

      await moduleRef.close();
    });

    it('should add Spotify as the remote source', () => {
      expect(moduleRef.get(MusicSources).remote).toBeInstanceOf(
        CachedMusicCatalog,
      );
    });

    it('should still recommend when Spotify cannot be reached', async () => {
      await expect(
        moduleRef.get(TrackRecommender).recommend({
          mood: 'happy',
          recentTrackIds: new Set(),
          seed: 2,
          userId: 'u',
        }),
      ).resolves.toHaveLength(10);
    });
  });
});
