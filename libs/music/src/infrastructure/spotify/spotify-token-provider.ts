import type { SpotifySettings } from '@vexora/shared';

import { Clock, SYSTEM_CLOCK } from './clock';
import { parseRetryAfterSeconds } from './retry-after';
import { SpotifyUnavailableError } from './spotify-unavailable.error';
import { SpotifyTokenResponse } from './spotify.types';

/** A token is renewed this long before it expires (or at half its life if shorter). */
const RENEW_BEFORE_EXPIRY_MS = 60_000;

interface CachedToken {
  renewAt: number;
  value: string;
}

/**
 * Client-credentials access tokens: one is fetched, reused until shortly
 * before it expires, and shared by concurrent callers while it is fetched.
 */
export class SpotifyTokenProvider {
  private cached?: CachedToken;
  private pending?: Promise<string>;
  private requests = 0;

  constructor(
    private readonly settings: SpotifySettings,
    private readonly clock: Clock = SYSTEM_CLOCK,
  ) {}

  /** How many tokens were requested so far; for tests and diagnostics. */
  get tokenRequests(): number {
    return this.requests;
  }

  async token(): Promise<string> {
    if (this.cached && this.clock.now() < this.cached.renewAt) {
      return this.cached.value;
    }

    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });

    return this.pending;
  }

  /** Forgets a token the API refused, unless a newer one replaced it already. */
  invalidate(token: string): void {
    if (this.cached?.value === token) {
      this.cached = undefined;
    }
  }

  private async fetchToken(): Promise<string> {
    this.requests += 1;
    const response = await this.requestToken();
    if (!response.ok) {
      await response.body?.cancel();

      throw new SpotifyUnavailableError(
        `Spotify token endpoint answered ${response.status}`,
        {
          retryAfterSeconds: parseRetryAfterSeconds(
            response.headers.get('retry-after'),
            this.clock.now(),
          ),
          status: response.status,
        },
      );
    }

    const body = (await response
      .json()
      .catch(() => null)) as SpotifyTokenResponse | null;
    const value = body?.access_token;
    const lifetimeMs = (body?.expires_in ?? 0) * 1000;
    if (typeof value !== 'string' || !value || !(lifetimeMs > 0)) {
      throw new SpotifyUnavailableError(
        'Spotify token endpoint answered an unreadable body',
      );
    }

    const margin = Math.min(RENEW_BEFORE_EXPIRY_MS, lifetimeMs / 2);
    this.cached = { renewAt: this.clock.now() + lifetimeMs - margin, value };

    return value;
  }

  private async requestToken(): Promise<Response> {
    const { accountsUrl, clientId, clientSecret, timeoutMs } = this.settings;
    const credentials = Buffer.from(`${clientId}:${clientSecret}`).toString(
      'base64',
    );

    try {
      return await fetch(`${accountsUrl}/api/token`, {
        body: new URLSearchParams({ grant_type: 'client_credentials' }),
        headers: {
          Authorization: `Basic ${credentials}`,
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        method: 'POST',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new SpotifyUnavailableError('Spotify token request failed', {
        cause: error,
      });
    }
  }
}
