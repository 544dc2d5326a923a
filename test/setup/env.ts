import { resolve } from 'node:path';

/**
 * Test defaults: the local PostgreSQL database `test` and Redis database 1.
 * Every value can be overridden from the environment.
 */
const defaults: Record<string, string> = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
  JWT_ACCESS_SECRET: 'test-only-access-signing-key-0123456789abcdef',
  JWT_REFRESH_SECRET: 'test-only-refresh-signing-key-0123456789abcdef',
  LOG_LEVEL: 'silent',
  NODE_ENV: 'test',
  PUBLIC_BASE_URL: 'http://127.0.0.1:5555',
  REDIS_URL: 'redis://127.0.0.1:6379/1',
  TZ: 'UTC',
  VEXORA_FIXTURES_DIR: resolve(__dirname, '../../../shared/data'),
};

for (const [key, value] of Object.entries(defaults)) {
  process.env[key] ??= value;
}
