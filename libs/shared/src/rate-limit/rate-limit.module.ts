import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Module } from '@nestjs/common';
import { seconds, ThrottlerModule } from '@nestjs/throttler';

import { AppConfig } from '../config/app-config';
import { AUTH_RATE_LIMIT_KEY } from '../http/decorators/auth-rate-limit.decorator';

/**
 * Two limits, counted in Redis so that every instance shares them: a general
 * one on every route and a tighter one on routes marked @AuthRateLimit().
 * The guard that applies them lives with authentication, which knows who
 * the caller is.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        storage: new ThrottlerStorageRedisService(config.redisUrl),
        throttlers: [
          {
            limit: config.rateLimit.perWindow,
            name: 'default',
            ttl: seconds(config.rateLimit.windowSeconds),
          },
          {
            limit: config.rateLimit.authPerWindow,
            name: 'auth',
            skipIf: (context) =>
              !Reflect.getMetadata(AUTH_RATE_LIMIT_KEY, context.getHandler()),
            ttl: seconds(config.rateLimit.windowSeconds),
          },
        ],
      }),
    }),
  ],
  exports: [ThrottlerModule],
})
export class RateLimitModule {}
