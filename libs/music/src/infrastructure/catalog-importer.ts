import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { CsvError, Info, parse } from 'csv-parse';
import { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

import {
  assertCatalogHeader,
  CatalogRowError,
  parseCatalogRecord,
  toCopyLine,
  TRACK_TABLE_COLUMNS,
} from './catalog-row';

export interface SkippedRow {
  line: number;
  reason: string;
}

export interface ImportSummary {
  durationMs: number;
  inserted: number;
  /** Valid rows whose stored copy already held the same values. */
  unchanged: number;
  rowsPerSecond: number;
  skipped: SkippedRow[];
  updated: number;
  valid: number;
}

export interface ImportProgress {
  bytesRead: number;
  rowsRead: number;
  totalBytes: number;
}

export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** Table to upsert into; tests point it at a scratch copy of `tracks`. */
  table?: string;
}

interface ParsedRecord {
  info: Info;
  record: string[];
}

const STAGING_TABLE = 'catalog_import_staging';
const SAFE_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const PROGRESS_EVERY_ROWS = 2_000;
/** Lines are grouped before writing to COPY: one write per row is slower. */
const COPY_BATCH_CHARS = 64 * 1024;

/**
 * Loads the track catalogue CSV (columns in `CATALOG_COLUMNS`) into
 * PostgreSQL: COPY into a staging table, then one upsert keyed on the id, so
 * a re-run changes nothing and a corrected file updates rows in place.
 */
export class CatalogImporter {
  async import(
    client: ClientBase,
    csvPath: string,
    options: ImportOptions = {},
  ): Promise<ImportSummary> {
    const table = options.table ?? 'tracks';
    if (!SAFE_IDENTIFIER.test(table)) {
      throw new Error(`Invalid table name: ${table}`);
    }

    const startedAt = performance.now();
    await client.query('BEGIN');
    try {
      const counts = await this.load(client, csvPath, table, options);
      await client.query('COMMIT');

      return summarise(counts, performance.now() - startedAt);
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }

  private async load(
    client: ClientBase,
    csvPath: string,
    table: string,
    options: ImportOptions,
  ): Promise<LoadCounts> {
    await client.query(
      `CREATE TEMP TABLE ${STAGING_TABLE} (LIKE ${table}) ON COMMIT DROP`,
    );

    const totalBytes = (await stat(csvPath)).size;
    const file = createReadStream(csvPath);
    const converter = new CopyLineConverter((rowsRead) =>
      options.onProgress?.({ bytesRead: file.bytesRead, rowsRead, totalBytes }),
    );
    const parser = createParser(converter.skipped);
    const copy = client.query(
      copyFrom(
        `COPY ${STAGING_TABLE} (${TRACK_TABLE_COLUMNS.join(', ')}) FROM STDIN`,
      ),
    );

    await pipeline(file, parser, converter, copy);
    if (parser.unterminatedQuote) {
      // The file has no multi-line fields, so an open quote swallowed every
      // later row: importing the rest would silently drop good data.
      throw new Error(
        `A quote opened after line ${converter.lastLine} is never closed, so ` +
          'the rows after it cannot be read; nothing was imported. Fix the quote and run again.',
      );
    }

    options.onProgress?.({
      bytesRead: totalBytes,
      rowsRead: converter.rowsRead,
      totalBytes,
    });

    const { inserted, updated } = await upsert(client, table);

    return {
      inserted,
      skipped: converter.skipped,
      updated,
      valid: converter.valid,
    };
  }
}

interface LoadCounts {
  inserted: number;
  skipped: SkippedRow[];
  updated: number;
  valid: number;
}

function summarise(counts: LoadCounts, durationMs: number): ImportSummary {
  const processed = counts.valid + counts.skipped.length;

  return {
    durationMs: Math.round(durationMs),
    inserted: counts.inserted,
    rowsPerSecond: Math.round((processed / Math.max(durationMs, 1)) * 1000),
    skipped: counts.skipped.sort((a, b) => a.line - b.line),
    unchanged: counts.valid - counts.inserted - counts.updated,
    updated: counts.updated,
    valid: counts.valid,
  };
}

function createParser(skipped: SkippedRow[]) {
  const parser: ReturnType<typeof parse> & { unterminatedQuote?: boolean } =
    parse({
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
    });
  // csv-parse reports each bad quote of a record separately: keep the first.
  let lastLine = 0;
  parser.on('skip', (error: CsvError) => {
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      parser.unterminatedQuote = true;
    }

    const line = Number(error.lines);
    if (line !== lastLine) {
      skipped.push({ line, reason: error.message });
      lastLine = line;
    }
  });

  return parser;
}

/** Validates parsed records and turns the good ones into COPY text lines. */
class CopyLineConverter extends Transform {
  readonly skipped: SkippedRow[] = [];
  rowsRead = 0;
  valid = 0;
  /** Line of the last record read, bad or good. */
  lastLine = 1;

  private batch = '';
  private headerSeen = false;
  private readonly seenIds = new Map<string, number>();

  constructor(private readonly onRows: (rowsRead: number) => void) {
    super({ writableObjectMode: true });
  }

  override _transform(
    { info, record }: ParsedRecord,
    _encoding: BufferEncoding,
    callback: TransformCallback,
  ): void {
    if (!this.headerSeen) {
      this.headerSeen = true;
      try {
        assertCatalogHeader(record);
      } catch (error) {
        return callback(error as Error);
      }

      return callback();
    }

    this.rowsRead += 1;
    this.lastLine = info.lines;
    this.convert(record, info.lines);
    if (this.rowsRead % PROGRESS_EVERY_ROWS === 0) {
      this.onRows(this.rowsRead);
    }

    if (this.batch.length >= COPY_BATCH_CHARS) {
      this.push(this.batch);
      this.batch = '';
    }

    callback();
  }

  override _flush(callback: TransformCallback): void {
    if (this.batch) {
      this.push(this.batch);
    }

    callback();
  }

  private convert(record: string[], line: number): void {
    try {
      const row = parseCatalogRecord(record);
      const firstLine = this.seenIds.get(row.id);
      if (firstLine !== undefined) {
        throw new CatalogRowError(
          `duplicate track_id ${row.id} (first on line ${firstLine})`,
        );
      }

      this.seenIds.set(row.id, line);
      this.batch += toCopyLine(row);
      this.valid += 1;
    } catch (error) {
      if (!(error instanceof CatalogRowError)) {
        throw error;
      }

      this.skipped.push({ line, reason: error.message });
    }
  }
}

/**
 * The IS DISTINCT FROM guard skips rows that did not change, so a re-run
 * reports them as unchanged instead of rewriting every tuple. `xmax = 0`
 * marks a freshly inserted tuple. thumbnail_url is left as stored: the CSV
 * has no covers and a later enrichment step may have filled them.
 */
async function upsert(
  client: ClientBase,
  table: string,
): Promise<{ inserted: number; updated: number }> {
  const columns = TRACK_TABLE_COLUMNS.join(', ');
  const updatable = TRACK_TABLE_COLUMNS.filter((column) => column !== 'id');
  const assignments = updatable.map(
    (column) => `${column} = EXCLUDED.${column}`,
  );
  const stored = updatable.map((column) => `target.${column}`).join(', ');
  const incoming = updatable.map((column) => `EXCLUDED.${column}`).join(', ');

  const { rows } = await client.query<{ inserted: string; updated: string }>(`
    WITH upserted AS (
      INSERT INTO ${table} AS target (${columns})
      SELECT ${columns} FROM ${STAGING_TABLE}
      ON CONFLICT (id) DO UPDATE SET ${assignments.join(', ')}
      WHERE (${stored}) IS DISTINCT FROM (${incoming})
      RETURNING (xmax = 0) AS inserted
    )
    SELECT count(*) FILTER (WHERE inserted) AS inserted,
           count(*) FILTER (WHERE NOT inserted) AS updated
    FROM upserted`);

  return {
    inserted: Number(rows[0].inserted),
    updated: Number(rows[0].updated),
  };
}
