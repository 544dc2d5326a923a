import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Client } from 'pg';

import { CatalogImporter } from './catalog-importer';
import { CATALOG_COLUMNS } from './catalog-row';

const CATALOG_CSV = join(
  process.env.VEXORA_FIXTURES_DIR!,
  'catalog',
  'tracks.csv',
);
const CATALOG_ROWS = 15_307;

const HEADER = CATALOG_COLUMNS.join(',');
const GOOD_FEATURES =
  '53,181786,false,0.519,0.264,0,-11.171,1,0.0601,0.918,0.000253,0.237,0.192,140.354,4';

function csvRow(
  id: string,
  artists = 'Some Artist',
  title = 'Some Title',
): string {
  return `${id},${artists},Some Album,${title},${GOOD_FEATURES},acoustic`;
}

describe(CatalogImporter.name, () => {
  const importer = new CatalogImporter();
  let client: Client;
  let scratchTable: string;
  let tempDir: string;

  beforeAll(async () => {
    client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    tempDir = await mkdtemp(join(tmpdir(), 'catalog-importer-'));
  });

  beforeEach(async () => {
    scratchTable = `tracks_import_spec_${process.pid}_${Date.now()}`;
    await client.query(
      `CREATE TABLE ${scratchTable} (LIKE tracks INCLUDING ALL)`,
    );
  });

  afterEach(async () => {
    await client.query(`DROP TABLE IF EXISTS ${scratchTable}`);
  });

  afterAll(async () => {
    await client.end();
    await rm(tempDir, { force: true, recursive: true });
  });

  async function writeCsv(lines: string[]): Promise<string> {
    const path = join(tempDir, `${Date.now()}-${Math.random()}.csv`);
    await writeFile(path, lines.join('\n') + '\n');

    return path;
  }

  async function countRows(table: string): Promise<number> {
    const { rows } = await client.query(
      `SELECT count(*)::int AS count FROM ${table}`,
    );

    return rows[0].count;
  }

  describe('import', () => {
    it('should load every row of the shared catalogue into a fresh table', async () => {
      const summary = await importer.import(client, CATALOG_CSV, {
        table: scratchTable,
      });

      expect(summary).toMatchObject({
        inserted: CATALOG_ROWS,
        skipped: [],
        updated: 0,
        valid: CATALOG_ROWS,
      });
      await expect(countRows(scratchTable)).resolves.toBe(CATALOG_ROWS);
    });

    it('should leave the table unchanged when the same file is imported again', async () => {
      await importer.import(client, CATALOG_CSV, { table: scratchTable });

      const again = await importer.import(client, CATALOG_CSV, {
        table: scratchTable,
      });

      expect(again).toMatchObject({
        inserted: 0,
        unchanged: CATALOG_ROWS,
        updated: 0,
      });
      await expect(countRows(scratchTable)).resolves.toBe(CATALOG_ROWS);
    });

    it('should make no duplicates in the shared tracks table on a re-run', async () => {
      const summary = await importer.import(client, CATALOG_CSV);

      expect(summary.inserted).toBe(0);
      expect(summary.valid).toBe(CATALOG_ROWS);
      await expect(countRows('tracks')).resolves.toBe(CATALOG_ROWS);
    });

    it('should update a row whose values changed and keep its thumbnail', async () => {
      const id = 'AAAAAAAAAAAAAAAAAAAAA1';
      await importer.import(client, await writeCsv([HEADER, csvRow(id)]), {
        table: scratchTable,
      });
      await client.query(
        `UPDATE ${scratchTable} SET thumbnail_url = 'https://img.example/c.jpg'`,
      );

      const summary = await importer.import(
        client,
        await writeCsv([HEADER, csvRow(id, 'Some Artist', 'Renamed')]),
        { table: scratchTable },
      );

      expect(summary).toMatchObject({ inserted: 0, updated: 1 });
      const { rows } = await client.query(
        `SELECT name, thumbnail_url FROM ${scratchTable}`,
      );
      expect(rows).toEqual([
        { name: 'Renamed', thumbnail_url: 'https://img.example/c.jpg' },
      ]);
    });

    it('should skip bad rows and report their line numbers', async () => {
      const csv = await writeCsv([
        HEADER,
        csvRow('BBBBBBBBBBBBBBBBBBBBB1'),
        csvRow('short-id'),
        csvRow('BBBBBBBBBBBBBBBBBBBBB2').replace('0.264', '1.5'),
        csvRow('BBBBBBBBBBBBBBBBBBBBB3').replace('false', 'True'),
        csvRow('BBBBBBBBBBBBBBBBBBBBB4', ''),
        csvRow('BBBBBBBBBBBBBBBBBBBBB5').replace(',acoustic', ''),
        csvRow('BBBBBBBBBBBBBBBBBBBBB6').replace('140.354', 'fast'),
        csvRow('BBBBBBBBBBBBBBBBBBBBB1'),
        csvRow('BBBBBBBBBBBBBBBBBBBBB7', 'Bad "quote" here'),
        csvRow('BBBBBBBBBBBBBBBBBBBBB8'),
      ]);

      const summary = await importer.import(client, csv, {
        table: scratchTable,
      });

      expect(summary.skipped.map(({ line }) => line)).toEqual([
        3, 4, 5, 6, 7, 8, 9, 10,
      ]);
      expect(summary.skipped[0].reason).toContain('track_id');
      expect(summary.skipped[1].reason).toContain('energy');
      expect(summary.skipped[2].reason).toContain('explicit');
      expect(summary.skipped[3].reason).toContain('artists');
      expect(summary.skipped[6].reason).toContain('duplicate');
      expect(summary).toMatchObject({ inserted: 2, valid: 2 });
      await expect(countRows(scratchTable)).resolves.toBe(2);
    });

    it('should keep commas and doubled quotes inside quoted fields', async () => {
      const csv = await writeCsv([
        HEADER,
        `CCCCCCCCCCCCCCCCCCCCC1,"Crosby, Stills, Nash & Young;Neil Young",Some Album,"Say ""Hi"", World",${GOOD_FEATURES},acoustic`,
      ]);

      await importer.import(client, csv, { table: scratchTable });

      const { rows } = await client.query(
        `SELECT artists, name, search_text FROM ${scratchTable}`,
      );
      expect(rows).toEqual([
        {
          artists: 'Crosby, Stills, Nash & Young;Neil Young',
          name: 'Say "Hi", World',
          search_text:
            'say "hi", world crosby, stills, nash & young neil young some album acoustic',
        },
      ]);
    });

    it('should fold accents and case into search_text', async () => {
      const { rows } = await client.query(
        `SELECT search_text FROM tracks WHERE id = '3RuDv1zMc0DJ4t8J1XRDPk'`,
      );

      expect(rows[0].search_text).toMatch(/^nao dei tchau vitor fernandes/);
    });

    it('should refuse a file whose open quote swallows the rows after it, and write nothing', async () => {
      const csv = await writeCsv([
        HEADER,
        csvRow('EEEEEEEEEEEEEEEEEEEEE1'),
        csvRow('EEEEEEEEEEEEEEEEEEEEE2', '"Unclosed quote'),
        csvRow('EEEEEEEEEEEEEEEEEEEEE3'),
        csvRow('EEEEEEEEEEEEEEEEEEEEE4'),
      ]);

      await expect(
        importer.import(client, csv, { table: scratchTable }),
      ).rejects.toThrow('A quote opened after line 2 is never closed');
      await expect(countRows(scratchTable)).resolves.toBe(0);
    });

    it('should reject a file whose header is not the catalogue layout and write nothing', async () => {
      const csv = await writeCsv(['id,name', csvRow('DDDDDDDDDDDDDDDDDDDDD1')]);

      await expect(
        importer.import(client, csv, { table: scratchTable }),
      ).rejects.toThrow('unexpected header');
      await expect(countRows(scratchTable)).resolves.toBe(0);
    });
  });
});
