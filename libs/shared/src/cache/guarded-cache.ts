import { Logger } from '@nestjs/common';
import type { Cache } from 'cache-manager';

/** A cache slower than this is treated as down: the source of truth answers. */
export const CACHE_TIMEOUT_MS = 250;

/**
 * The cache as an optimisation only: every read or write that fails or takes
 * longer than `CACHE_TIMEOUT_MS` is logged and reported as a miss (reads) or
 * skipped (writes), so callers fall back to the database and never fail
 * because Redis is down or slow.
 */
export class GuardedCache {
  constructor(
    private readonly cache: Cache,
    private readonly logger: Logger,
    private readonly label: string,
  ) {}

  /** The cached value, or `undefined` on a miss or any cache trouble. */
  async get<T>(key: string): Promise<T | undefined> {
    const value = await this.attempt('read', () => this.cache.get<T>(key));

    return value ?? undefined;
  }

  /** Stores the value, or logs why the cache could not take it. */
  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    await this.attempt('write', () => this.cache.set(key, value, ttlMs));
  }

  /** Removes the key, or logs why the cache could not be reached. */
  async del(key: string): Promise<void> {
    await this.attempt('delete', () => this.cache.del(key));
  }

  private async attempt<T>(
    action: string,
    operation: () => Promise<T>,
  ): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out after ${CACHE_TIMEOUT_MS} ms`)),
        CACHE_TIMEOUT_MS,
      );
    });

    try {
      return await Promise.race([operation(), timeout]);
    } catch (error) {
      this.logger.warn(
        `${this.label} cache ${action} failed, skipping the cache: ${String(error)}`,
      );

      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
