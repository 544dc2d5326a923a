import { DomainError, ErrorCode } from '@vexora/shared';

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super(ErrorCode.InvalidCredentials, 'Invalid username or password');
  }
}

export class EmailNotVerifiedError extends DomainError {
  constructor() {
    super(
      ErrorCode.EmailNotVerified,
      'Please verify your e-mail address before signing in',
    );
  }
}

/** One message whatever was wrong, so failures reveal nothing about accounts. */
export class InvalidCodeError extends DomainError {
  constructor() {
    super(
      ErrorCode.InvalidCode,
      'The code is invalid or has expired; ask for a new one if it keeps failing',
    );
  }
}
