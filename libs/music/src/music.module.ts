import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Cache } from 'cache-manager';

import { AppConfig } from '@vexora/shared';

import { BrowseMusicUseCase } from './application/browse-music.use-case';
import { CatalogTrackRecommender } from './application/catalog-track-recommender';
import { MoodCandidateSource, MusicCatalog } from './domain/music-catalog';
import { MusicSources } from './domain/music-sources';
import { TrackRecommender } from './domain/track-recommender';
import { MusicController } from './http/music.controller';
import { CachedMusicCatalog } from './infrastructure/cached-music-catalog';
import { CatalogSeeder } from './infrastructure/catalog-seeder';
import { MemoisedMoodCandidates } from './infrastructure/memoised-mood-candidates';
import { PostgresMusicCatalog } from './infrastructure/postgres-music-catalog';
import { CacheSpotifyBackOffStore } from './infrastructure/spotify/spotify-back-off';
import { createSpotifyCatalog } from './infrastructure/spotify/spotify.factory';
import { TrackEntity } from './infrastructure/track.entity';

/** Spotify only when its credentials are set; searches of both go through Redis. */
function createMusicSources(
  config: AppConfig,
  local: PostgresMusicCatalog,
  cache: Cache,
): MusicSources {
  const ttlMs = config.music.searchCacheTtlMs;

  return {
    local: new CachedMusicCatalog(local, cache, {
      namespace: 'catalog',
      ttlMs,
    }),
    remote: config.spotify
      ? new CachedMusicCatalog(
          createSpotifyCatalog(
            config.spotify,
            new CacheSpotifyBackOffStore(cache),
          ),
          cache,
          { namespace: 'spotify', ttlMs },
        )
      : null,
  };
}

@Module({
  imports: [TypeOrmModule.forFeature([TrackEntity])],
  controllers: [MusicController],
  providers: [
    PostgresMusicCatalog,
    { provide: MusicCatalog, useExisting: PostgresMusicCatalog },
    {
      provide: MoodCandidateSource,
      inject: [PostgresMusicCatalog],
      useFactory: (local: PostgresMusicCatalog) =>
        new MemoisedMoodCandidates(local),
    },
    {
      provide: MusicSources,
      inject: [AppConfig, PostgresMusicCatalog, CACHE_MANAGER],
      useFactory: createMusicSources,
    },
    { provide: TrackRecommender, useClass: CatalogTrackRecommender },
    BrowseMusicUseCase,
    CatalogSeeder,
  ],
  exports: [MoodCandidateSource, MusicCatalog, MusicSources, TrackRecommender],
})
export class MusicModule {}
