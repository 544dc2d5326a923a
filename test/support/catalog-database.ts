import 'reflect-metadata';

import { DataSource } from 'typeorm';

import { PostgresMusicCatalog } from '../../libs/music/src/infrastructure/postgres-music-catalog';
import { TrackEntity } from '../../libs/music/src/infrastructure/track.entity';

export interface CatalogDatabase {
  catalog: PostgresMusicCatalog;
  dataSource: DataSource;
}

/**
 * The imported test catalogue (see the suite's global set-up) behind its
 * PostgreSQL adapter. Destroy the data source in `afterAll`.
 */
export async function openCatalogDatabase(): Promise<CatalogDatabase> {
  const dataSource = new DataSource({
    entities: [TrackEntity],
    type: 'postgres',
    url: process.env.DATABASE_URL,
  });
  await dataSource.initialize();

  return {
    catalog: new PostgresMusicCatalog(dataSource.getRepository(TrackEntity)),
    dataSource,
  };
}
