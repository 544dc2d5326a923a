/**
 * Expected failures carry a stable code; the global exception filter turns the
 * code into an HTTP status. Anything that is not a DomainError is unexpected
 * and answered as a generic 500 without its text.
 */
export enum ErrorCode {
  BadRequest = 'BAD_REQUEST',
  Conflict = 'CONFLICT',
  EmailNotVerified = 'EMAIL_NOT_VERIFIED',
  Forbidden = 'FORBIDDEN',
  ImageTooLarge = 'IMAGE_TOO_LARGE',
  InvalidCode = 'INVALID_CODE',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  NoFaceDetected = 'NO_FACE_DETECTED',
  NotFound = 'NOT_FOUND',
  RateLimited = 'RATE_LIMITED',
  Unauthenticated = 'UNAUTHENTICATED',
  UnsupportedImage = 'UNSUPPORTED_IMAGE',
  UpstreamFailed = 'UPSTREAM_FAILED',
  Unavailable = 'UNAVAILABLE',
}

export interface DomainErrorOptions {
  cause?: unknown;
  /** Seconds after which a rate-limited client may try again. */
  retryAfterSeconds?: number;
  /** Whether the mobile app should show the message to the user. */
  shouldNotify?: boolean;
}

export class DomainError extends Error {
  readonly retryAfterSeconds?: number;
  readonly shouldNotify: boolean;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: DomainErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.shouldNotify = options.shouldNotify ?? true;
  }
}

export class NotFoundError extends DomainError {
  constructor(message = 'Not found') {
    super(ErrorCode.NotFound, message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.Conflict, message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Authentication required') {
    super(ErrorCode.Unauthenticated, message);
  }
}
