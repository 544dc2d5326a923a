import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { CatalogTrackRecommender } from './application/catalog-track-recommender';
import { MusicCatalog } from './domain/music-catalog';
import { TrackRecommender } from './domain/track-recommender';
import { PostgresMusicCatalog } from './infrastructure/postgres-music-catalog';
import { TrackEntity } from './infrastructure/track.entity';

@Module({
  imports: [TypeOrmModule.forFeature([TrackEntity])],
  providers: [
    { provide: MusicCatalog, useClass: PostgresMusicCatalog },
    { provide: TrackRecommender, useClass: CatalogTrackRecommender },
  ],
  exports: [MusicCatalog, TrackRecommender],
})
export class MusicModule {}
