import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';

import { EmotionModule } from '@vexora/emotion';
import { MusicModule } from '@vexora/music';
import { AppConfig } from '@vexora/shared';

import { DetectMoodUseCase } from './application/detect-mood.use-case';
import { HistoryQueries } from './application/history-queries';
import { HistoryRepository } from './domain/history.repository';
import { HistoryController } from './http/history.controller';
import { MoodDetectionController } from './http/mood-detection.controller';
import { CachedHistoryRepository } from './infrastructure/cached-history.repository';
import {
  HistoryOrmEntity,
  HistoryTrackOrmEntity,
} from './infrastructure/history.orm-entity';
import { TypeormHistoryRepository } from './infrastructure/typeorm-history.repository';

@Module({
  imports: [
    EmotionModule,
    MusicModule,
    // Uploads stay in memory: a selfie is analysed and dropped, never stored.
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        limits: {
          fields: 20,
          fieldSize: 64 * 1024,
          fileSize: config.images.maxUploadBytes,
          files: 1,
        },
      }),
    }),
    TypeOrmModule.forFeature([HistoryOrmEntity, HistoryTrackOrmEntity]),
  ],
  controllers: [HistoryController, MoodDetectionController],
  providers: [
    CachedHistoryRepository,
    DetectMoodUseCase,
    HistoryQueries,
    TypeormHistoryRepository,
    { provide: HistoryRepository, useExisting: CachedHistoryRepository },
  ],
})
export class HistoryModule {}
