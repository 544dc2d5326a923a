import { HttpStatus } from '@nestjs/common';

import { ErrorCode } from './domain-error';

export const ERROR_STATUS: Record<ErrorCode, HttpStatus> = {
  [ErrorCode.BadRequest]: HttpStatus.BAD_REQUEST,
  [ErrorCode.Conflict]: HttpStatus.CONFLICT,
  [ErrorCode.EmailNotVerified]: HttpStatus.FORBIDDEN,
  [ErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorCode.ImageTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorCode.InvalidCode]: HttpStatus.BAD_REQUEST,
  [ErrorCode.InvalidCredentials]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.NoFaceDetected]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.RateLimited]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.UnsupportedImage]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [ErrorCode.UpstreamFailed]: HttpStatus.BAD_GATEWAY,
  [ErrorCode.Unavailable]: HttpStatus.SERVICE_UNAVAILABLE,
};
