import { Logger } from '@nestjs/common';

import type { SpotifySettings } from '@vexora/shared';

import { Clock, SYSTEM_CLOCK } from './clock';
import { retryAfterOrDefault } from './retry-after';
import { SpotifyBackOffStore } from './spotify-back-off';
import { SpotifyTokenProvider } from './spotify-token-provider';
import { SpotifyUnavailableError } from './spotify-unavailable.error';

/**
 * GET calls to the Spotify Web API with the 2026 failure policy:
 *
 * - 401: the token is dropped, a new one fetched, and the call retried once;
 * - 429: a `Retry-After` up to the configured cap is waited out once; a
 *   longer one (quota 429s ask for hours) fails the call at once and makes
 *   every call fail fast until it has passed, on every instance sharing the
 *   back-off store;
 * - 403 (app owner without Premium), 5xx, other statuses, timeouts and
 *   network errors: SpotifyUnavailableError;
 * - 404: null.
 */
export class SpotifyApiClient {
  private readonly logger = new Logger(SpotifyApiClient.name);
  private backOffUntil = 0;

  constructor(
    private readonly settings: SpotifySettings,
    private readonly tokens: SpotifyTokenProvider,
    private readonly clock: Clock = SYSTEM_CLOCK,
    private readonly shared: SpotifyBackOffStore | null = null,
  ) {}

  /** Whether calls currently fail fast because of an earlier long 429. */
  get backingOff(): boolean {
    return this.clock.now() < this.backOffUntil;
  }

  async get<T>(
    path: string,
    query: Record<string, string> = {},
  ): Promise<T | null> {
    await this.adoptSharedBackOff();
    this.assertNotBackingOff();

    let renewedToken = false;
    let waitedOut = false;
    for (;;) {
      const token = await this.token();
      const response = await this.send(path, query, token);

      if (response.status === 401 && !renewedToken) {
        renewedToken = true;
        await response.body?.cancel();
        this.tokens.invalidate(token);
        continue;
      }

      if (response.status === 429) {
        await response.body?.cancel();
        const retryAfter = retryAfterOrDefault(
          response.headers.get('retry-after'),
          this.clock.now(),
        );
        if (!waitedOut && retryAfter <= this.settings.maxRetryAfterSeconds) {
          waitedOut = true;
          await this.clock.sleep(retryAfter * 1000);
          continue;
        }

        await this.backOff(retryAfter);

        throw new SpotifyUnavailableError(
          `Spotify rate limited ${path} for ${retryAfter} s`,
          { retryAfterSeconds: retryAfter, status: 429 },
        );
      }

      return this.read<T>(path, response);
    }
  }

  private assertNotBackingOff(): void {
    if (this.backingOff) {
      throw new SpotifyUnavailableError(
        `Spotify backed off until ${new Date(this.backOffUntil).toISOString()}`,
      );
    }
  }

  /** Takes over a back-off another instance recorded (one Redis read). */
  private async adoptSharedBackOff(): Promise<void> {
    if (!this.shared || this.backingOff) {
      return;
    }

    const until = await this.shared.until();
    if (until > this.backOffUntil) {
      this.backOffUntil = until;
    }
  }

  private async backOff(seconds: number): Promise<void> {
    const now = this.clock.now();
    const until = now + seconds * 1000;
    if (until > this.backOffUntil) {
      this.backOffUntil = until;
      this.logger.warn(
        `Spotify asked to wait ${seconds} s: leaving it alone until ${new Date(until).toISOString()}`,
      );
    }

    await this.shared?.extend(until, now);
  }

  private async token(): Promise<string> {
    try {
      return await this.tokens.token();
    } catch (error) {
      if (
        error instanceof SpotifyUnavailableError &&
        error.status === 429 &&
        error.retryAfterSeconds !== undefined
      ) {
        await this.backOff(error.retryAfterSeconds);
      }

      throw error;
    }
  }

  private async send(
    path: string,
    query: Record<string, string>,
    token: string,
  ): Promise<Response> {
    const url = new URL(this.settings.apiUrl + path);
    for (const [key, value] of Object.entries(query)) {
      url.searchParams.set(key, value);
    }

    try {
      return await fetch(url, {
        headers: { Authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      throw new SpotifyUnavailableError(`Spotify request ${path} failed`, {
        cause: error,
      });
    }
  }

  private async read<T>(path: string, response: Response): Promise<T | null> {
    if (response.status === 404) {
      await response.body?.cancel();

      return null;
    }

    if (response.status !== 200) {
      await response.body?.cancel();

      throw new SpotifyUnavailableError(
        `Spotify answered ${response.status} to ${path}`,
        { status: response.status },
      );
    }

    try {
      return (await response.json()) as T;
    } catch (error) {
      throw new SpotifyUnavailableError(
        `Spotify answered ${path} with an unreadable body`,
        { cause: error, status: response.status },
      );
    }
  }
}
