import { readFileSync } from 'node:fs';
import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';

import type { SpotifySettings } from '@vexora/shared';

/**
 * The Spotify fixtures (reference/spotify-fixtures), read where they lie:
 * SPOTIFY_FIXTURES_DIR, else next to the shared data folder.
 */
export function spotifyFixturesDir(): string {
  if (process.env.SPOTIFY_FIXTURES_DIR) {
    return process.env.SPOTIFY_FIXTURES_DIR;
  }

  const data =
    process.env.VEXORA_FIXTURES_DIR ??
    resolve(__dirname, '../../../shared/data');

  return resolve(data, '../reference/spotify-fixtures');
}

export function readSpotifyFixture<T = unknown>(name: string): T {
  return JSON.parse(
    readFileSync(join(spotifyFixturesDir(), name), 'utf8'),
  ) as T;
}

/** Ids named in the fixtures' README. */
export const SPOTIFY_IDS = {
  known: 'M74UhX5zv4Q7daAYJP07Ax',
  unknown: 'fq5IIDXhG7NfcI9i1GGmnm',
} as const;

/** A query the fake answers with the empty search page. */
export const EMPTY_SEARCH_QUERY = 'zzzz-nothing-matches';

export type FailureStatus = 401 | 403 | 429 | 500 | 502 | 503;

export interface FailureOptions {
  /** Sent as `Retry-After` (429 only; default 1). */
  retryAfterSeconds?: number;
  /** 429 with the July 2026 quota body instead of the rolling-limit one. */
  quota?: boolean;
  /** How many of the next API responses fail this way (default 1). */
  times?: number;
}

export interface RecordedRequest {
  authorization?: string;
  method: string;
  path: string;
  query: Record<string, string>;
}

interface Failure {
  options: FailureOptions;
  status: FailureStatus;
}

const BASE62_ID = /^[0-9A-Za-z]{22}$/;

/**
 * A local stand-in for accounts.spotify.com and api.spotify.com/v1 that
 * answers with the fixture bodies: POST /api/token (Basic auth,
 * client_credentials), GET /v1/search and GET /v1/tracks/{id}. Tests script
 * failures of the next API responses and read what was asked.
 */
export class FakeSpotify {
  readonly clientId = 'fake-spotify-client-id';
  readonly clientSecret = 'fake-spotify-client-secret';
  /** `expires_in` of issued tokens, in seconds. */
  expiresInSeconds = 3600;
  /** Serve the Development Mode search page (no `popularity`), as new apps see it in 2026. */
  developmentMode = true;
  /** Delay before every API answer, in milliseconds (token answers too). */
  latencyMs = 0;

  readonly apiRequests: RecordedRequest[] = [];
  tokenRequests = 0;

  private readonly failures: Failure[] = [];
  private readonly validTokens = new Set<string>();
  private server?: Server;
  private baseUrl = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      void this.handle(request, response).catch(() => {
        response.writeHead(500).end();
      });
    });
    await new Promise<void>((done) =>
      this.server!.listen(0, '127.0.0.1', done),
    );
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((done) =>
      this.server ? this.server.close(() => done()) : done(),
    );
  }

  get accountsUrl(): string {
    return this.baseUrl;
  }

  get apiUrl(): string {
    return `${this.baseUrl}/v1`;
  }

  /** Adapter settings that point at this fake, with short test timeouts. */
  settings(overrides: Partial<SpotifySettings> = {}): SpotifySettings {
    return {
      accountsUrl: this.accountsUrl,
      apiUrl: this.apiUrl,
      clientId: this.clientId,
      clientSecret: this.clientSecret,
      market: 'US',
      maxRetryAfterSeconds: 2,
      timeoutMs: 2000,
      ...overrides,
    };
  }

  /** The SPOTIFY_* settings that point the service here. */
  env(): Record<string, string> {
    return {
      SPOTIFY_ACCOUNTS_URL: this.accountsUrl,
      SPOTIFY_API_URL: this.apiUrl,
      SPOTIFY_CLIENT_ID: this.clientId,
      SPOTIFY_CLIENT_SECRET: this.clientSecret,
    };
  }

  /** The next `times` API responses fail with this status. */
  failNext(status: FailureStatus, options: FailureOptions = {}): void {
    for (let index = 0; index < (options.times ?? 1); index += 1) {
      this.failures.push({ options, status });
    }
  }

  /** Every token issued so far is refused from now on (as after expiry). */
  expireTokens(): void {
    this.validTokens.clear();
  }

  /** Forget scripted failures and counters; issued tokens stay valid. */
  reset(): void {
    this.failures.length = 0;
    this.apiRequests.length = 0;
    this.tokenRequests = 0;
    this.latencyMs = 0;
  }

  private async handle(
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const url = new URL(request.url ?? '/', this.baseUrl);
    if (this.latencyMs > 0) {
      await new Promise((done) => setTimeout(done, this.latencyMs));
    }

    if (request.method === 'POST' && url.pathname === '/api/token') {
      return this.token(request, response);
    }

    if (request.method === 'GET' && url.pathname.startsWith('/v1/')) {
      this.apiRequests.push({
        authorization: request.headers.authorization,
        method: request.method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
      });

      return this.api(request, url, response);
    }

    send(response, 404, {
      error: { message: 'Service not found', status: 404 },
    });
  }

  private async token(
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    this.tokenRequests += 1;
    const form = new URLSearchParams(await readBody(request));
    const expected = `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64')}`;
    if (request.headers.authorization !== expected) {
      return send(
        response,
        400,
        readSpotifyFixture('token-error-invalid-client.json'),
      );
    }

    if (form.get('grant_type') !== 'client_credentials') {
      return send(
        response,
        400,
        readSpotifyFixture('token-error-unsupported-grant.json'),
      );
    }

    const body = readSpotifyFixture<{ access_token: string }>('token.json');
    const accessToken = `${body.access_token}-${this.tokenRequests}`;
    this.validTokens.add(accessToken);

    send(response, 200, {
      ...body,
      access_token: accessToken,
      expires_in: this.expiresInSeconds,
    });
  }

  private api(
    request: IncomingMessage,
    url: URL,
    response: ServerResponse,
  ): void {
    const failure = this.failures.shift();
    if (failure) {
      return this.fail(failure, response);
    }

    const authorization = request.headers.authorization;
    if (!authorization) {
      return send(response, 401, readSpotifyFixture('error-401-no-token.json'));
    }

    if (!this.validTokens.has(authorization.replace(/^Bearer /, ''))) {
      return send(
        response,
        401,
        readSpotifyFixture('error-401-invalid-token.json'),
      );
    }

    if (url.pathname === '/v1/search') {
      return this.search(url, response);
    }

    const track = /^\/v1\/tracks\/([^/]+)$/.exec(url.pathname);
    if (track) {
      return this.track(decodeURIComponent(track[1]), response);
    }

    send(response, 404, {
      error: { message: 'Service not found', status: 404 },
    });
  }

  private search(url: URL, response: ServerResponse): void {
    const limit = Number(url.searchParams.get('limit') ?? '20');
    if (
      !url.searchParams.get('q') ||
      url.searchParams.get('type') !== 'track'
    ) {
      return send(response, 400, {
        error: { message: 'No search query', status: 400 },
      });
    }

    if (limit > 10) {
      return send(
        response,
        400,
        readSpotifyFixture('error-400-invalid-limit.json'),
      );
    }

    if (url.searchParams.get('q') === EMPTY_SEARCH_QUERY) {
      return send(
        response,
        200,
        readSpotifyFixture('search-tracks.empty.json'),
      );
    }

    const page = readSpotifyFixture<{
      tracks: { items: unknown[]; limit: number };
    }>(
      this.developmentMode
        ? 'search-tracks.dev-mode.json'
        : 'search-tracks.json',
    );
    page.tracks.items = page.tracks.items.slice(0, limit);
    page.tracks.limit = limit;

    send(response, 200, page);
  }

  private track(id: string, response: ServerResponse): void {
    if (!BASE62_ID.test(id)) {
      return send(
        response,
        400,
        readSpotifyFixture('error-400-invalid-id.json'),
      );
    }

    if (id === SPOTIFY_IDS.known) {
      return send(response, 200, readSpotifyFixture('track.json'));
    }

    // The search page's tracks can be looked up too, as on the real API.
    const page = readSpotifyFixture<{
      tracks: { items: Array<{ id: string }> };
    }>('search-tracks.json');
    const found = page.tracks.items.find((item) => item.id === id);
    if (found) {
      return send(response, 200, found);
    }

    send(response, 404, readSpotifyFixture('error-404-non-existing-id.json'));
  }

  private fail({ options, status }: Failure, response: ServerResponse): void {
    switch (status) {
      case 401:
        return send(
          response,
          401,
          readSpotifyFixture('error-401-expired-token.json'),
        );
      case 403:
        return send(
          response,
          403,
          readSpotifyFixture('error-403-premium-required.json'),
        );
      case 429:
        return send(
          response,
          429,
          readSpotifyFixture(
            options.quota
              ? 'error-429-quota-exceeded.json'
              : 'error-429-rate-limited.json',
          ),
          { 'Retry-After': String(options.retryAfterSeconds ?? 1) },
        );
      default:
        return send(response, status, {
          error: { message: 'Server error', status },
        });
    }
  }
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'Content-Type': 'application/json',
    ...headers,
  });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }

  return Buffer.concat(chunks).toString('utf8');
}
