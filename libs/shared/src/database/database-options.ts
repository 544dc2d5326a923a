import { DataSourceOptions } from 'typeorm';

import { MIGRATIONS } from './migrations';

/** Options shared by the Nest module, the migration CLI and the scripts. */
export function databaseOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    extra: { max: 10 },
  };
}
