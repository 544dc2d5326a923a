import 'reflect-metadata';
// The same .env as the service, so both talk to the same database.
import 'dotenv/config';

import { resolve } from 'node:path';

import { SingleBar, Presets } from 'cli-progress';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { databaseOptions } from '@vexora/shared/database/database-options';

import {
  CatalogImporter,
  ImportSummary,
} from '../infrastructure/catalog-importer';

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/vexora';
const MAX_LISTED_SKIPS = 50;

/** `npm run catalog:import -- <csv>`: migrates the database, then upserts the CSV. */
async function main(): Promise<void> {
  const csvArgument = process.argv[2];
  if (!csvArgument) {
    console.error('Usage: npm run catalog:import -- <tracks.csv>');
    process.exitCode = 2;

    return;
  }

  const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  await runMigrations(databaseUrl);

  const summary = await importWithProgress(databaseUrl, resolve(csvArgument));
  printSummary(summary);
}

async function runMigrations(databaseUrl: string): Promise<void> {
  const dataSource = new DataSource(databaseOptions(databaseUrl));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) {
      console.log(`Applied migration ${migration.name}`);
    }
  } finally {
    await dataSource.destroy();
  }
}

async function importWithProgress(
  databaseUrl: string,
  csvPath: string,
): Promise<ImportSummary> {
  const bar = new SingleBar(
    { format: 'Importing [{bar}] {percentage}% | {rows} rows | {eta}s left' },
    Presets.shades_classic,
  );
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    bar.start(1, 0, { rows: 0 });

    return await new CatalogImporter().import(client, csvPath, {
      onProgress: ({ bytesRead, rowsRead, totalBytes }) => {
        bar.setTotal(totalBytes);
        bar.update(bytesRead, { rows: rowsRead });
      },
    });
  } finally {
    bar.stop();
    await client.end();
  }
}

function printSummary(summary: ImportSummary): void {
  console.log(
    [
      `Valid rows: ${summary.valid} (inserted ${summary.inserted}, updated ${summary.updated}, unchanged ${summary.unchanged})`,
      `Skipped rows: ${summary.skipped.length}`,
      `Duration: ${(summary.durationMs / 1000).toFixed(2)} s (${summary.rowsPerSecond} rows/s)`,
    ].join('\n'),
  );

  for (const { line, reason } of summary.skipped.slice(0, MAX_LISTED_SKIPS)) {
    console.log(`  line ${line}: ${reason}`);
  }

  if (summary.skipped.length > MAX_LISTED_SKIPS) {
    console.log(`  … and ${summary.skipped.length - MAX_LISTED_SKIPS} more`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
