import {
  BadRequestException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** Body types the service parses; anything else would be silently ignored. */
const READABLE_BODY_TYPES = ['json', 'urlencoded', 'multipart'];

function hasBody(request: Request): boolean {
  return (
    request.headers['transfer-encoding'] !== undefined ||
    Number(request.headers['content-length'] ?? 0) > 0
  );
}

/**
 * Express middleware run before the body parsers: a body they would not
 * read (text/plain, XML, no Content-Type) is refused with a 415 rather than
 * treated as empty, which would answer "Profile updated" and change nothing.
 * Empty bodies pass whatever their declared type, as the app labels every
 * request, GETs included, `application/json`.
 */
export function refuseUnreadableBodies(
  request: Request,
  _response: Response,
  next: NextFunction,
): void {
  if (hasBody(request) && !request.is(READABLE_BODY_TYPES)) {
    next(
      new UnsupportedMediaTypeException(
        'Send the body as JSON (application/json) or as form data ' +
          '(multipart/form-data or application/x-www-form-urlencoded)',
      ),
    );

    return;
  }

  next();
}

/**
 * Express error middleware for the body parsers: a body that does not
 * parse gets one plain sentence instead of the JSON parser's own wording
 * ("Expected double-quoted property name at position 14").
 */
export function translateBodyParserErrors(
  error: { type?: string } | undefined,
  _request: Request,
  _response: Response,
  next: NextFunction,
): void {
  if (error?.type === 'entity.parse.failed') {
    next(new BadRequestException('The request body is not valid JSON'));

    return;
  }

  next(error);
}
