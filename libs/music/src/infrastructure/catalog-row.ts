import { buildSearchText } from '../domain/search-text';

/** The catalogue CSV header, in file order. */
export const CATALOG_COLUMNS = [
  'track_id',
  'artists',
  'album_name',
  'track_name',
  'popularity',
  'duration_ms',
  'explicit',
  'danceability',
  'energy',
  'key',
  'loudness',
  'mode',
  'speechiness',
  'acousticness',
  'instrumentalness',
  'liveness',
  'valence',
  'tempo',
  'time_signature',
  'track_genre',
] as const;

type CatalogColumn = (typeof CATALOG_COLUMNS)[number];

const COLUMN_INDEX = Object.fromEntries(
  CATALOG_COLUMNS.map((column, index) => [column, index]),
) as Record<CatalogColumn, number>;

/** Columns of the `tracks` table the importer writes, in COPY order. */
export const TRACK_TABLE_COLUMNS = [
  'id',
  'name',
  'artists',
  'album_name',
  'genre',
  'popularity',
  'duration_ms',
  'explicit',
  'danceability',
  'energy',
  'key',
  'loudness',
  'mode',
  'speechiness',
  'acousticness',
  'instrumentalness',
  'liveness',
  'valence',
  'tempo',
  'time_signature',
  'search_text',
] as const;

type TrackTableColumn = (typeof TRACK_TABLE_COLUMNS)[number];

export type CatalogRow = Record<TrackTableColumn, string>;

export class CatalogRowError extends Error {}

const TRACK_ID = /^[0-9A-Za-z]{22}$/;
const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const MAX_GENRE_LENGTH = 64;

/** Inclusive bounds; wider than the data where the README reports outliers. */
const NUMERIC_RULES: ReadonlyArray<
  [column: CatalogColumn, min: number, max: number, integer: boolean]
> = [
  ['popularity', 0, 100, true],
  ['duration_ms', 1, 2_147_483_647, true],
  ['danceability', 0, 1, false],
  ['energy', 0, 1, false],
  ['key', -1, 11, true],
  // dB: about -60 to 0, a few masters slightly above 0.
  ['loudness', -100, 10, false],
  ['mode', 0, 1, true],
  ['speechiness', 0, 1, false],
  ['acousticness', 0, 1, false],
  ['instrumentalness', 0, 1, false],
  ['liveness', 0, 1, false],
  ['valence', 0, 1, false],
  // BPM; 0 means the tempo could not be estimated.
  ['tempo', 0, 1000, false],
  ['time_signature', 0, 7, true],
];

const TEXT_COLUMNS = [
  'artists',
  'album_name',
  'track_name',
  'track_genre',
] as const;

/** Checks the header names the expected columns in the expected order. */
export function assertCatalogHeader(header: readonly string[]): void {
  const expected = CATALOG_COLUMNS.join(',');
  if (header.join(',') !== expected) {
    throw new CatalogRowError(
      `unexpected header: expected "${expected}", got "${header.join(',')}"`,
    );
  }
}

/** Validates one CSV record and returns the table row; throws CatalogRowError. */
export function parseCatalogRecord(fields: readonly string[]): CatalogRow {
  if (fields.length !== CATALOG_COLUMNS.length) {
    throw new CatalogRowError(
      `expected ${CATALOG_COLUMNS.length} fields, got ${fields.length}`,
    );
  }

  const value = (column: CatalogColumn) => fields[COLUMN_INDEX[column]];

  checkTrackId(value('track_id'));
  for (const column of TEXT_COLUMNS) {
    checkText(column, value(column));
  }

  for (const [column, min, max, integer] of NUMERIC_RULES) {
    checkNumber(column, value(column), min, max, integer);
  }

  return toRow(value, parseExplicit(value('explicit')));
}

function toRow(
  value: (column: CatalogColumn) => string,
  explicit: boolean,
): CatalogRow {
  const artists = value('artists');

  return {
    id: value('track_id'),
    name: value('track_name'),
    artists,
    album_name: value('album_name'),
    genre: value('track_genre'),
    popularity: value('popularity'),
    duration_ms: value('duration_ms'),
    explicit: String(explicit),
    danceability: value('danceability'),
    energy: value('energy'),
    key: value('key'),
    loudness: value('loudness'),
    mode: value('mode'),
    speechiness: value('speechiness'),
    acousticness: value('acousticness'),
    instrumentalness: value('instrumentalness'),
    liveness: value('liveness'),
    valence: value('valence'),
    tempo: value('tempo'),
    time_signature: value('time_signature'),
    search_text: buildSearchText([
      value('track_name'),
      artists.replaceAll(';', ' '),
      value('album_name'),
      value('track_genre'),
    ]),
  };
}

function checkTrackId(id: string): void {
  if (!TRACK_ID.test(id)) {
    throw new CatalogRowError(
      `track_id must be 22 base62 characters, got "${id}"`,
    );
  }
}

function checkText(column: string, text: string): void {
  if (text.trim() === '') {
    throw new CatalogRowError(`${column} must not be empty`);
  }

  if (column === 'track_genre' && text.length > MAX_GENRE_LENGTH) {
    throw new CatalogRowError(`${column} is longer than ${MAX_GENRE_LENGTH}`);
  }
}

function checkNumber(
  column: string,
  text: string,
  min: number,
  max: number,
  integer: boolean,
): void {
  const pattern = integer ? INTEGER : DECIMAL;
  const number = Number(text);
  if (!pattern.test(text) || number < min || number > max) {
    const kind = integer ? 'an integer' : 'a number';
    throw new CatalogRowError(
      `${column} must be ${kind} in [${min}, ${max}], got "${text}"`,
    );
  }
}

function parseExplicit(text: string): boolean {
  if (text !== 'true' && text !== 'false') {
    throw new CatalogRowError(`explicit must be true or false, got "${text}"`);
  }

  return text === 'true';
}

/** One row in PostgreSQL's COPY text format. */
export function toCopyLine(row: CatalogRow): string {
  return (
    TRACK_TABLE_COLUMNS.map((column) => escapeCopy(row[column])).join('\t') +
    '\n'
  );
}

const COPY_SPECIAL = /[\\\t\n\r]/;

function escapeCopy(text: string): string {
  if (!COPY_SPECIAL.test(text)) {
    return text;
  }

  return text
    .replaceAll('\\', '\\\\')
    .replaceAll('\t', '\\t')
    .replaceAll('\n', '\\n')
    .replaceAll('\r', '\\r');
}
