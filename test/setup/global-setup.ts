import './env';

import { join } from 'node:path';

import { createClient } from '@keyv/redis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { CatalogImporter } from '../../libs/music/src/infrastructure/catalog-importer';
import { databaseOptions } from '../../libs/shared/src/database/database-options';

/** The shared catalogue, so music and recommendation tests see real tracks. */
async function importCatalog(): Promise<void> {
  const csvPath = join(
    process.env.VEXORA_FIXTURES_DIR!,
    'catalog',
    'tracks.csv',
  );
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await new CatalogImporter().import(client, csvPath);
  } finally {
    await client.end();
  }
}

/** Fresh schema and empty Redis database once per test run. */
export default async function globalSetup(): Promise<void> {
  const dataSource = new DataSource(databaseOptions(process.env.DATABASE_URL!));
  await dataSource.initialize();
  await dataSource.query('DROP SCHEMA IF EXISTS public CASCADE');
  await dataSource.query('CREATE SCHEMA public');
  await dataSource.runMigrations();
  await dataSource.destroy();
  await importCatalog();

  const redis = createClient({ url: process.env.REDIS_URL });
  await redis.connect();
  await redis.flushDb();
  await redis.quit();
}
