/** Used when a 429 comes without `Retry-After`, which Spotify always sends. */
const DEFAULT_RETRY_AFTER_SECONDS = 1;

/**
 * Reads a `Retry-After` header: delay-seconds or an HTTP date (RFC 9110
 * §10.2.3). Returns undefined without a header.
 */
export function parseRetryAfterSeconds(
  header: string | null,
  nowMs: number,
): number | undefined {
  if (header === null) {
    return undefined;
  }

  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed);
  }

  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) {
    return DEFAULT_RETRY_AFTER_SECONDS;
  }

  return Math.max(0, Math.ceil((date - nowMs) / 1000));
}

export function retryAfterOrDefault(
  header: string | null,
  nowMs: number,
): number {
  return parseRetryAfterSeconds(header, nowMs) ?? DEFAULT_RETRY_AFTER_SECONDS;
}
