import {
  BadRequestException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** Size limit of JSON and urlencoded bodies; images come as multipart. */
export const BODY_LIMIT_BYTES = 100 * 1024;

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
          '(multipart/form-data or application/x-www-form-urlencoded); ' +
          'images go in multipart/form-data',
      ),
    );

    return;
  }

  next();
}

/** Whether text parses as JSON at all (body-parser refuses bare scalars). */
function isJson(text: unknown): boolean {
  if (typeof text !== 'string') {
    return false;
  }

  try {
    JSON.parse(text);

    return true;
  } catch {
    return false;
  }
}

/**
 * Express error middleware for the body parsers: their refusals get one
 * plain sentence instead of the parsers' own wording ("Expected
 * double-quoted property name at position 14", "request entity too large").
 */
export function translateBodyParserErrors(
  error: { body?: unknown; charset?: string; type?: string } | undefined,
  _request: Request,
  _response: Response,
  next: NextFunction,
): void {
  switch (error?.type) {
    case 'entity.parse.failed':
      next(
        new BadRequestException(
          isJson(error.body)
            ? 'The request body must be a JSON object'
            : 'The request body is not valid JSON',
        ),
      );

      return;
    case 'entity.too.large':
      next(
        new PayloadTooLargeException(
          `The request body is larger than the ${BODY_LIMIT_BYTES / 1024} KB ` +
            'limit for JSON and form fields',
        ),
      );

      return;
    case 'charset.unsupported':
      next(
        new UnsupportedMediaTypeException(
          `The request body must be UTF-8, not ${error.charset ?? 'this charset'}`,
        ),
      );

      return;
    case 'encoding.unsupported':
      next(
        new UnsupportedMediaTypeException(
          'The request body must not be compressed',
        ),
      );

      return;
    default:
      next(error);
  }
}
