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

const STARTUP_CONNECT_ATTEMPTS = 5;

function redactedUrl(url: string): string {
  const parsed = new URL(url);
  parsed.password = parsed.password ? '***' : '';

  return parsed.toString();
}

@Global()
@Module({
  providers: [
    {
      provide: RedisConnection,
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => {
        let connectedOnce = false;
        const client = createClient({
          socket: {
            // Refuse to start without Redis (a clear error beats a hang),
            // but ride out outages once the service runs.
            reconnectStrategy: (retries: number, cause: Error) => {
              if (!connectedOnce && retries >= STARTUP_CONNECT_ATTEMPTS) {
                return new Error(
                  `Redis at ${redactedUrl(config.redisUrl)} is unreachable: ${cause.message}`,
                );
              }

              return Math.min(100 * 2 ** retries, 2000);
            },
          },
          url: config.redisUrl,
        }) as RedisClientType;
        const connection = new NodeRedisConnection(client);
        await client.connect();
        connectedOnce = true;

        return connection;
      },
    },
  ],
  exports: [RedisConnection],
})
export class RedisModule {}
