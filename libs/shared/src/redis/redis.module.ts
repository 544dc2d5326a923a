import { Global, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { createClient, RedisClientType } from '@redis/client';

import { AppConfig } from '../config/app-config';

/**
 * A raw Redis connection for the few things a cache cannot do atomically:
 * counters, single-use codes and revocation lists. Every key written
 * through it must carry an expiry.
 */
export abstract class RedisConnection {
  abstract readonly client: RedisClientType;
}

class NodeRedisConnection
  extends RedisConnection
  implements OnApplicationShutdown
{
  private readonly logger = new Logger(RedisConnection.name);

  constructor(readonly client: RedisClientType) {
    super();
    this.client.on('error', (error: Error) =>
      this.logger.error(`Redis: ${error.message}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client.isOpen) {
      await this.client.quit();
    }
  }
}

@Global()
@Module({
  providers: [
    {
      provide: RedisConnection,
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => {
        const client = createClient({
          url: config.redisUrl,
        }) as RedisClientType;
        const connection = new NodeRedisConnection(client);
        await client.connect();

        return connection;
      },
    },
  ],
  exports: [RedisConnection],
})
export class RedisModule {}
