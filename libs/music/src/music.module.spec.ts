import 'reflect-metadata';

import { Test, TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';

import { CatalogTrackRecommender } from './application/catalog-track-recommender';
import { MusicCatalog } from './domain/music-catalog';
import { TrackRecommender } from './domain/track-recommender';
import { PostgresMusicCatalog } from './infrastructure/postgres-music-catalog';
import { MusicModule } from './music.module';

describe(MusicModule.name, () => {
  let moduleRef: TestingModule;

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot({
          autoLoadEntities: true,
          type: 'postgres',
          url: process.env.DATABASE_URL,
        }),
        MusicModule,
      ],
    }).compile();
  });

  afterAll(async () => {
    await moduleRef.close();
  });

  it('should bind the ports to the catalogue adapters', async () => {
    const recommender = moduleRef.get(TrackRecommender);

    expect(moduleRef.get(MusicCatalog)).toBeInstanceOf(PostgresMusicCatalog);
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
});
