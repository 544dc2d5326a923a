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
  // The suite signs up many users from one address; the rate-limit tests
  // set their own tight limits.
  OTP_RESEND_COOLDOWN_SECONDS: '0',
  PUBLIC_BASE_URL: 'http://127.0.0.1:5555',
  RATE_LIMIT_AUTH_PER_WINDOW: '100000',
  RATE_LIMIT_PER_WINDOW: '100000',
  REDIS_URL: 'redis://127.0.0.1:6379/1',
  TZ: 'UTC',
  VEXORA_FIXTURES_DIR: resolve(__dirname, '../../../shared/data'),
};

for (const [key, value] of Object.entries(defaults)) {
  process.env[key] ??= value;
}

// Unit specs construct classes outside an app; keep Nest's console logger
// quiet there (the app's own logger follows LOG_LEVEL).
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('@nestjs/common').Logger.overrideLogger(false);
