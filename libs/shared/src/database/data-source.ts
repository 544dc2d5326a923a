import 'reflect-metadata';
import 'dotenv/config';

import { DataSource } from 'typeorm';

import { databaseOptions } from './database-options';

/** Entry point for the TypeORM CLI (`npm run migration:run`, `migration:revert`). */
export default new DataSource(
  databaseOptions(
    process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/vexora',
  ),
);
