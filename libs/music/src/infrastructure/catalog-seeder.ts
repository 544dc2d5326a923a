import { existsSync } from 'node:fs';

import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';

import { AppConfig } from '@vexora/shared';

import { CatalogImporter } from './catalog-importer';

/**
 * Fills an empty catalogue from CATALOG_CSV at start-up, so a fresh install
 * recommends music without a separate import step. A catalogue that holds
 * any track is left alone; `npm run catalog:import` refreshes it.
 */
@Injectable()
export class CatalogSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(CatalogSeeder.name);

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const csvPath = this.config.music.catalogCsv;
    const [{ count }] = await this.dataSource.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM tracks',
    );
    if (count > 0) {
      return;
    }

    if (!csvPath || !existsSync(csvPath)) {
      this.logger.warn(
        `The track catalogue is empty and CATALOG_CSV (${csvPath ?? 'unset'}) names no file: ` +
          'detections will come without tracks until `npm run catalog:import` runs.',
      );

      return;
    }

    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const client = await pool.connect();
    try {
      const summary = await new CatalogImporter().import(client, csvPath);
      this.logger.log(
        `Imported ${summary.inserted} catalogue tracks from ${csvPath} ` +
          `(${summary.skipped.length} rows skipped) in ${Math.round(summary.durationMs)} ms`,
      );
    } finally {
      client.release();
    }
  }
}
