import { createKeyv } from '@keyv/redis';
import { CacheModule as NestCacheModule } from '@nestjs/cache-manager';
import { Module } from '@nestjs/common';

import { AppConfig } from '../config/app-config';

/** One hour: nothing the service caches lives longer, so no key is immortal. */
const DEFAULT_CACHE_TTL_MS = 60 * 60 * 1000;

/**
 * cache-manager 6+ takes Keyv stores; `@keyv/redis` is the maintained
 * successor of `cache-manager-redis-yet`, which only fits cache-manager 5.
 */
@Module({
  imports: [
    NestCacheModule.registerAsync({
      isGlobal: true,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        stores: [createKeyv(config.redisUrl, { namespace: 'vexora' })],
        ttl: DEFAULT_CACHE_TTL_MS,
      }),
    }),
  ],
})
export class CacheModule {}
