// First-run set-up: writes .env from .env.example with fresh random secrets
// (never overwriting an existing .env) and creates the database it names.
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';

import pg from 'pg';

const ENV_FILE = '.env';
const CARRIED_OVER = ['DATABASE_URL', 'PORT', 'PUBLIC_BASE_URL', 'REDIS_URL'];

function writeEnvFile() {
  if (existsSync(ENV_FILE)) {
    console.log(`${ENV_FILE} exists; leaving it as it is.`);
    return;
  }

  copyFileSync('.env.example', ENV_FILE);
  const text = readFileSync(ENV_FILE, 'utf8')
    .replace(
      /^(JWT_(?:ACCESS|REFRESH)_SECRET)=.*$/gm,
      (_line, name) => `${name}=${randomBytes(48).toString('base64url')}`,
    )
    // Settings exported for this run are kept, so that a later
    // `npm run start:prod` in a new shell uses the same database and port.
    .replace(/^([A-Z_]+)=(.*)$/gm, (line, name) =>
      CARRIED_OVER.includes(name) && process.env[name] !== undefined
        ? `${name}=${process.env[name]}`
        : line,
    );
  writeFileSync(ENV_FILE, text, { mode: 0o600 });
  console.log(`Wrote ${ENV_FILE} with new random secrets.`);
}

function readDatabaseUrl() {
  const line = readFileSync(ENV_FILE, 'utf8').match(/^DATABASE_URL=(.*)$/m);
  return process.env.DATABASE_URL ?? line?.[1]?.trim();
}

async function createDatabase(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';

  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query(
      'SELECT 1 FROM pg_database WHERE datname = $1',
      [name],
    );
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      console.log(`Created database ${name}.`);
    } else {
      console.log(`Database ${name} exists.`);
    }
  } finally {
    await client.end();
  }
}

writeEnvFile();
await createDatabase(readDatabaseUrl());
