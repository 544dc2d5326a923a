import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

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
