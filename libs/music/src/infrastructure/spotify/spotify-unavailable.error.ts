export interface SpotifyUnavailableOptions {
  cause?: unknown;
  /** Seconds Spotify asked us to wait (429 `Retry-After`). */
  retryAfterSeconds?: number;
  /** HTTP status Spotify answered, when it answered at all. */
  status?: number;
}

/**
 * Spotify cannot serve this request (down, refusing, rate limited, backing
 * off). Callers fall back to the local catalogue; the message is for logs
 * only and never holds credentials or tokens.
 */
export class SpotifyUnavailableError extends Error {
  readonly retryAfterSeconds?: number;
  readonly status?: number;

  constructor(message: string, options: SpotifyUnavailableOptions = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.status = options.status;
  }
}
