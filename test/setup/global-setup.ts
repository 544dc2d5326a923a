import './env';

import { createClient } from '@keyv/redis';
import { DataSource } from 'typeorm';

import { databaseOptions } from '../../libs/shared/src/database/database-options';

/** Fresh schema and empty Redis database once per test run. */
export default async function globalSetup(): Promise<void> {
  const dataSource = new DataSource(databaseOptions(process.env.DATABASE_URL!));
  await dataSource.initialize();
  await dataSource.query('DROP SCHEMA IF EXISTS public CASCADE');
  await dataSource.query('CREATE SCHEMA public');
  await dataSource.runMigrations();
  await dataSource.destroy();

  const redis = createClient({ url: process.env.REDIS_URL });
  await redis.connect();
  await redis.flushDb();
  await redis.quit();
}
