/**
 * Mood-detection benchmark. Starts the built service as its own process
 * against the local PostgreSQL and Redis, signs a user up through the API,
 * then posts a 1280 px JPEG selfie many times, one at a time. Prints the
 * median and p90 of each server stage and of the whole detection (from the
 * Server-Timing header), of the client round trip (which adds the HTTP
 * pipeline: token check, rate limit, multipart parsing, the envelope), and
 * the server process's resident memory after the first 10 detections and
 * every so often after that.
 *
 *   npm run bench:mood              # 1,000 detections
 *   npm run bench:mood -- 200       # fewer
 *
 * Uses the database in BENCH_DATABASE_URL (default vexora_bench, created if
 * missing) and Redis database 3; the catalogue is imported at start-up.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

import sharp from 'sharp';

import { SmtpSink } from '../test/support/smtp-sink';
import { ensureDatabase, percentile } from './support/bench-helpers';

const ROOT = resolve(__dirname, '..');
const FIXTURES =
  process.env.VEXORA_FIXTURES_DIR ?? resolve(ROOT, '../shared/data');
const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/vexora_bench';
const PORT = Number(process.env.BENCH_PORT ?? 5611);
const BASE = `http://127.0.0.1:${PORT}`;
const STAGES = ['decode', 'detect', 'classify', 'rank', 'save'] as const;

function parseServerTiming(header: string | null): Record<string, number> {
  return Object.fromEntries(
    (header ?? '').split(',').map((part) => {
      const [name, duration] = part.trim().split(';dur=');

      return [name, Number(duration)];
    }),
  );
}

/** Resident set size of a process, from /proc, in MB. */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(
    /^VmRSS:\s+(\d+) kB/m,
  );

  return Number(line?.[1] ?? 0) / 1024;
}

async function startServer(smtpUrl: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      CATALOG_CSV: resolve(FIXTURES, 'catalog/tracks.csv'),
      DATABASE_URL,
      JWT_ACCESS_SECRET: 'bench-only-access-signing-key-0123456789abcdef',
      JWT_REFRESH_SECRET: 'bench-only-refresh-signing-key-0123456789abcdef',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      PORT: String(PORT),
      PUBLIC_BASE_URL: BASE,
      // One user sends far more than the per-user limit allows.
      RATE_LIMIT_PER_WINDOW: '1000000',
      REDIS_URL: 'redis://127.0.0.1:6379/3',
      SMTP_URL: smtpUrl,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });

  for (let attempt = 0; attempt < 120; attempt += 1) {
    if (server.exitCode !== null) {
      throw new Error(`the service exited with code ${server.exitCode}`);
    }

    const ready = await fetch(`${BASE}/assets/cover.png`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) {
      return server;
    }

    await new Promise((wake) => setTimeout(wake, 500));
  }

  throw new Error('the service did not start within 60 s');
}

async function post(
  path: string,
  body: unknown,
  token?: string,
): Promise<Record<string, any>> {
  const response = await fetch(`${BASE}/api/v1${path}`, {
    body: JSON.stringify(body),
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    method: 'POST',
  });
  if (response.status !== 200) {
    throw new Error(
      `${path} answered ${response.status}: ${await response.text()}`,
    );
  }

  return (await response.json()) as Record<string, any>;
}

async function signUp(mail: SmtpSink): Promise<string> {
  const tag = `bench${Date.now().toString(36)}`;
  const user = {
    email: `${tag}@example.test`,
    name: 'Bench',
    password: 'bench-password-123',
    username: tag,
  };
  await post('/register', user);
  const since = mail.messages.length;
  await post('/send-otp', { email: user.email });
  await post('/verify-email', {
    email: user.email,
    otp: await mail.nextCodeFor(user.email, since),
  });
  const login = await post('/login', {
    password: user.password,
    username: user.username,
  });

  return login.data.access_token as string;
}

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? 1000);
  await ensureDatabase(DATABASE_URL);
  const mail = new SmtpSink();
  const server = await startServer(await mail.start());

  try {
    const token = await signUp(mail);
    const selfie = await sharp(resolve(FIXTURES, 'faces/photos/happy_0001.jpg'))
      .resize({ width: 1280 })
      .jpeg({ quality: 90 })
      .toBuffer();
    const { height, width } = await sharp(selfie).metadata();
    console.log(
      `image: ${width}×${height} JPEG, ${(selfie.length / 1024).toFixed(0)} KiB; ${total} detections`,
    );

    const stages: Record<string, number[]> = Object.fromEntries(
      STAGES.map((stage) => [stage, []]),
    );
    const serverTotals: number[] = [];
    const roundTrips: number[] = [];
    const memory: Array<[number, number]> = [];

    for (let index = 1; index <= total; index += 1) {
      const form = new FormData();
      form.append('user_id', 'ignored');
      form.append(
        'image',
        new Blob([selfie], { type: 'application/octet-stream' }),
        'selfie.jpg',
      );
      const start = performance.now();
      const response = await fetch(`${BASE}/api/v1/mood-detection`, {
        body: form,
        headers: { Authorization: `Bearer ${token}` },
        method: 'POST',
      });
      await response.arrayBuffer();
      roundTrips.push(performance.now() - start);
      if (response.status !== 200) {
        throw new Error(`detection ${index} answered ${response.status}`);
      }

      const timing = parseServerTiming(response.headers.get('server-timing'));
      STAGES.forEach((stage) => stages[stage].push(timing[stage]));
      // The use case's own clock: the five stages plus the gaps between them.
      serverTotals.push(timing.total);
      if (index === 10 || index % 100 === 0 || index === total) {
        memory.push([index, rssMb(server.pid!)]);
      }
    }

    console.log('\nstage          median ms   p90 ms');
    const rows: Array<[string, number[]]> = [
      ...STAGES.map((stage): [string, number[]] => [stage, stages[stage]]),
      ['server total', serverTotals],
      ['round trip', roundTrips],
    ];
    for (const [name, values] of rows) {
      console.log(
        `${name.padEnd(14)} ${percentile(values, 50).toFixed(1).padStart(9)} ${percentile(values, 90).toFixed(1).padStart(8)}`,
      );
    }

    console.log('\nserver RSS after n detections');
    memory.forEach(([count, mb]) =>
      console.log(`${String(count).padStart(6)}  ${mb.toFixed(1)} MB`),
    );
    const growth = memory[memory.length - 1][1] - memory[0][1];
    console.log(`growth from 10 to ${total}: ${growth.toFixed(1)} MB`);
  } finally {
    server.kill('SIGTERM');
    await mail.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
