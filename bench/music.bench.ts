/**
 * Music benchmark.
 *
 * 1. Catalogue import throughput: the shared tracks.csv repeated with new
 *    22-character ids up to 100,000 rows (a temporary file), imported into a
 *    scratch table of the bench database, then imported again (every row
 *    unchanged). The scratch table is dropped afterwards.
 * 2. p50/p90 latency of `GET /spotify/random-playlist` and
 *    `GET /spotify/search` through the real HTTP app: from the local
 *    catalogue (search once per query from PostgreSQL, then repeated from the
 *    Redis cache), then from a local fake Spotify on loopback.
 *
 *   npm run bench:music                  # 100,000 rows, 300 requests per route
 *   npm run bench:music -- 50000 100     # fewer
 *
 * Uses the database named by BENCH_DATABASE_URL (default: vexora_bench,
 * created if missing) and Redis database 3; never the test database.
 */
import 'reflect-metadata';

import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';

import { createClient } from '@keyv/redis';
import { parse } from 'csv-parse/sync';
import { Client } from 'pg';

import { ensureDatabase, percentile } from './support/bench-helpers';

const DEFAULT_DATABASE = 'postgres://postgres@127.0.0.1:5432/vexora_bench';
const fixtures =
  process.env.VEXORA_FIXTURES_DIR ?? resolve(__dirname, '../../shared/data');
const SCRATCH_TABLE = 'bench_import_tracks';

process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL ?? DEFAULT_DATABASE;
process.env.REDIS_URL ??= 'redis://127.0.0.1:6379/3';
process.env.JWT_ACCESS_SECRET ??=
  'bench-only-access-signing-key-0123456789abcdef';
process.env.JWT_REFRESH_SECRET ??=
  'bench-only-refresh-signing-key-0123456789abcdef';
process.env.LOG_LEVEL ??= 'silent';
process.env.NODE_ENV ??= 'test';
process.env.OTP_RESEND_COOLDOWN_SECONDS ??= '0';
process.env.RATE_LIMIT_AUTH_PER_WINDOW ??= '1000000';
process.env.RATE_LIMIT_PER_WINDOW ??= '1000000';
process.env.VEXORA_FIXTURES_DIR = fixtures;
for (const key of [
  'SPOTIFY_CLIENT_ID',
  'SPOTIFY_CLIENT_SECRET',
  'SPOTIFY_API_URL',
  'SPOTIFY_ACCOUNTS_URL',
]) {
  delete process.env[key];
}

type TestAppModule = typeof import('../test/support/test-app');

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** 22 base62 characters, unique per index, unlike any real Spotify id. */
function benchId(index: number): string {
  return `bench${index.toString(36).padStart(17, '0')}`;
}

/** The shared CSV repeated with fresh ids up to `rows` data rows. */
async function writeRepeatedCsv(path: string, rows: number): Promise<void> {
  const source = await readFile(join(fixtures, 'catalog/tracks.csv'), 'utf8');
  const [header, ...records] = parse(source, {
    bom: true,
    relax_column_count: true,
  }) as string[][];
  const out = createWriteStream(path);
  out.write(`${header.join(',')}\n`);
  for (let index = 0; index < rows; index += 1) {
    const record = [...records[index % records.length]];
    record[0] = benchId(index);
    if (!out.write(`${record.map(csvField).join(',')}\n`)) {
      await once(out, 'drain');
    }
  }

  out.end();
  await once(out, 'finish');
}

async function benchImport(rows: number): Promise<void> {
  const { CatalogImporter } =
    await import('../libs/music/src/infrastructure/catalog-importer');
  const folder = await mkdtemp(join(tmpdir(), 'vexora-bench-'));
  const csvPath = join(folder, 'tracks-100k.csv');
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await writeRepeatedCsv(csvPath, rows);
    await client.query(`DROP TABLE IF EXISTS ${SCRATCH_TABLE}`);
    await client.query(
      `CREATE TABLE ${SCRATCH_TABLE} (LIKE tracks INCLUDING ALL)`,
    );

    const importer = new CatalogImporter();
    for (const label of ['fresh import', 're-import (unchanged)']) {
      const summary = await importer.import(client, csvPath, {
        table: SCRATCH_TABLE,
      });
      console.log(
        `${label.padEnd(22)} ${summary.valid} valid, ${summary.skipped.length} skipped, ` +
          `inserted ${summary.inserted}, unchanged ${summary.unchanged}: ` +
          `${(summary.durationMs / 1000).toFixed(2)} s, ${summary.rowsPerSecond} rows/s`,
      );
    }
  } finally {
    await client.query(`DROP TABLE IF EXISTS ${SCRATCH_TABLE}`);
    await client.end();
    await rm(folder, { force: true, recursive: true });
  }
}

/** The app runs migrations at boot; the catalogue itself is imported here when empty. */
async function ensureCatalogue(): Promise<void> {
  const { CatalogImporter } =
    await import('../libs/music/src/infrastructure/catalog-importer');
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      'SELECT count(*) FROM tracks',
    );
    if (Number(rows[0].count) === 0) {
      await new CatalogImporter().import(
        client,
        join(fixtures, 'catalog/tracks.csv'),
      );
    }
  } finally {
    await client.end();
  }
}

/** Distinct search words taken from the catalogue's titles. */
async function searchWords(count: number): Promise<string[]> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ word: string }>(
      `SELECT DISTINCT lower(split_part(name, ' ', 1)) AS word FROM tracks
       WHERE length(split_part(name, ' ', 1)) >= 4 AND split_part(name, ' ', 1) ~ '^[A-Za-z]+$'
       ORDER BY word LIMIT $1`,
      [count],
    );

    return rows.map(({ word }) => word);
  } finally {
    await client.end();
  }
}

/** Search keys of earlier runs would make the "first time" searches cache hits. */
async function clearSearchCache(): Promise<void> {
  const redis = createClient({ url: process.env.REDIS_URL });
  await redis.connect();
  for await (const keys of redis.scanIterator({
    MATCH: '*music:search:*',
    COUNT: 500,
  })) {
    if (keys.length > 0) {
      await redis.del(keys);
    }
  }

  await redis.quit();
}

async function time(
  context: Awaited<ReturnType<TestAppModule['startTestApp']>>,
  token: string,
  paths: string[],
  expectedSource: string,
): Promise<number[]> {
  const durations: number[] = [];
  for (const path of paths) {
    const startedAt = performance.now();
    const response = await context.http
      .get(`/api/v1/spotify/${path}`)
      .set('Authorization', `Bearer ${token}`);
    durations.push(performance.now() - startedAt);
    if (
      response.status !== 200 ||
      response.body.data.source !== expectedSource
    ) {
      throw new Error(
        `${path} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`,
      );
    }
  }

  return durations;
}

function report(name: string, durations: number[]): void {
  console.log(
    `${name.padEnd(40)} ${String(durations.length).padStart(5)} ${percentile(durations, 50).toFixed(1).padStart(8)} ${percentile(durations, 90).toFixed(1).padStart(8)}`,
  );
}

async function benchHttp(requests: number, app: TestAppModule): Promise<void> {
  const words = await searchWords(requests);
  const searches = words.map(
    (word) => `search?search=${encodeURIComponent(word)}`,
  );
  const randoms = Array.from({ length: requests }, () => 'random-playlist');
  await clearSearchCache();

  console.log(
    `\n${'route'.padEnd(40)} ${'n'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p90 ms'.padStart(8)}`,
  );

  const catalogue = await app.startTestApp();
  try {
    const user = await app.signUp(catalogue, 'benchmusic');
    // Warm-up: connection pools, JIT.
    await time(catalogue, user.accessToken, randoms.slice(0, 20), 'catalog');

    report(
      'random-playlist (catalogue)',
      await time(catalogue, user.accessToken, randoms, 'catalog'),
    );
    report(
      'search, first time (PostgreSQL)',
      await time(catalogue, user.accessToken, searches, 'catalog'),
    );
    report(
      'search, repeated (Redis cache)',
      await time(catalogue, user.accessToken, searches, 'catalog'),
    );
  } finally {
    await catalogue.close();
  }

  const { FakeSpotify } = await import('../test/support/fake-spotify');
  const fake = new FakeSpotify();
  await fake.start();
  Object.assign(process.env, fake.env());
  const spotify = await app.startTestApp();
  try {
    const user = await app.signUp(spotify, 'benchspotify');
    await time(spotify, user.accessToken, randoms.slice(0, 20), 'spotify');
    const spotifySearches = words.map(
      (word) => `search?search=${encodeURIComponent(`${word} spotify`)}`,
    );

    report(
      'random-playlist (fake Spotify)',
      await time(spotify, user.accessToken, randoms, 'spotify'),
    );
    report(
      'search, first time (fake Spotify)',
      await time(spotify, user.accessToken, spotifySearches, 'spotify'),
    );
    report(
      'search, repeated (Redis cache)',
      await time(spotify, user.accessToken, spotifySearches, 'spotify'),
    );
    console.log(
      `fake Spotify: ${fake.tokenRequests} token request(s), ${fake.apiRequests.length} API requests`,
    );
  } finally {
    await spotify.close();
    await fake.stop();
  }
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 100_000);
  const requests = Number(process.argv[3] ?? 300);
  await ensureDatabase(process.env.DATABASE_URL!);

  // Imported late so that the environment above is in place first.
  const app = await import('../test/support/test-app');
  // Boot once so that the migrations have run before the import benchmark.
  const boot = await app.startTestApp();
  await boot.close();
  await ensureCatalogue();

  console.log(
    `catalogue import, ${rows} rows (shared CSV repeated with new ids, scratch table):`,
  );
  await benchImport(rows);
  await benchHttp(requests, app);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
