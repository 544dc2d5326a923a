import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  NotFoundException,
  Optional,
} from '@nestjs/common';
import type { Request, Response } from 'express';

import { DomainError } from '../../errors/domain-error';
import { ERROR_STATUS } from '../../errors/error-status';
import { errorEnvelope } from '../envelope';
import { RouteMethods } from '../route-methods';

interface Mapped {
  /** Methods the path accepts, for a 405's `Allow` header. */
  allow?: string[];
  message: string;
  retryAfterSeconds?: number;
  shouldNotify: boolean;
  status: number;
}

/** How Express words a route parameter it cannot percent-decode. */
const UNDECODABLE_PARAMETER = 'Failed to decode param';

/** Longest part of an unknown path repeated back in a 404's message. */
const MAX_ECHOED_PATH = 100;

const GENERIC_MESSAGES: Partial<Record<number, string>> = {
  [HttpStatus.NOT_FOUND]: 'Not found',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'The upload is too large',
  [HttpStatus.TOO_MANY_REQUESTS]: 'Too many requests, please slow down',
  [HttpStatus.INTERNAL_SERVER_ERROR]:
    'Something went wrong on our side, please try again',
};

/** Text of an HttpException's response, which Nest stores in several shapes. */
function httpExceptionMessage(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === 'string') {
    return body;
  }

  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) {
    return message.join('; ');
  }

  return typeof message === 'string' ? message : exception.message;
}

/**
 * The one place where failures become HTTP. Domain errors map by code,
 * framework errors keep their status; anything else is a 500 whose text is
 * logged, never sent (it may hold SQL or upstream detail).
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  constructor(@Optional() private readonly routes?: RouteMethods) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    // A client that hung up mid-request (a phone losing signal during an
    // upload) is nobody's fault here and has no one left to answer.
    const target = `${request.method} ${request.originalUrl.slice(0, 200)}`;
    if (request.socket?.destroyed) {
      this.logger.log(`${target}: the client closed the connection first`);

      return;
    }

    const mapped = this.noRoute(exception, request) ?? this.map(exception);

    if (mapped.status >= 500) {
      this.logger.error(
        `${request.method} ${request.originalUrl} failed: ${String(exception)}`,
        exception instanceof Error ? exception.stack : undefined,
      );
    } else {
      // The request logger (pino-http, `request.log`) is mounted after the
      // body checks; a request refused before it would leave no trace.
      const line = `${target} -> ${mapped.status}: ${mapped.message}`;
      if ('log' in request) {
        this.logger.debug(line);
      } else {
        this.logger.warn(`Refused before routing: ${line}`);
      }
    }

    if (response.headersSent) {
      return;
    }

    if (mapped.allow) {
      response.setHeader('Allow', mapped.allow.join(', '));
    }

    if (mapped.retryAfterSeconds !== undefined) {
      response.setHeader(
        'Retry-After',
        String(Math.ceil(mapped.retryAfterSeconds)),
      );
    }

    response
      .status(mapped.status)
      .json(errorEnvelope(mapped.message, mapped.shouldNotify));
  }

  /**
   * Nest answers a request no route took with a NotFoundException worded
   * "Cannot METHOD URL", echoing the URL however long. That becomes a 405
   * naming the methods when the path exists under others, else a 404 with
   * the path cut short.
   */
  private noRoute(exception: unknown, request: Request): Mapped | undefined {
    if (
      !(exception instanceof NotFoundException) ||
      exception.message !== `Cannot ${request.method} ${request.originalUrl}`
    ) {
      return undefined;
    }

    const allow = this.routes?.allowedFor(request.path, request.method) ?? [];
    if (allow.length === 0) {
      const path =
        request.path.length > MAX_ECHOED_PATH
          ? `${request.path.slice(0, MAX_ECHOED_PATH)}…`
          : request.path;

      return {
        message: `No route for ${request.method} ${path}`,
        shouldNotify: true,
        status: HttpStatus.NOT_FOUND,
      };
    }

    return {
      allow,
      message: `${request.method} is not supported on this path; use ${allow.join(', ')}`,
      shouldNotify: true,
      status: HttpStatus.METHOD_NOT_ALLOWED,
    };
  }

  private map(exception: unknown): Mapped {
    if (exception instanceof DomainError) {
      return {
        message: exception.message,
        retryAfterSeconds: exception.retryAfterSeconds,
        shouldNotify: exception.shouldNotify,
        status: ERROR_STATUS[exception.code],
      };
    }

    // Express fails to decode a route parameter such as "%ZZ" with a URIError,
    // which Nest turns into a BadRequestException keeping only its message.
    if (
      exception instanceof BadRequestException &&
      exception.message.startsWith(UNDECODABLE_PARAMETER)
    ) {
      return {
        message: 'The URL holds a malformed percent-encoding (such as "%ZZ")',
        shouldNotify: true,
        status: HttpStatus.BAD_REQUEST,
      };
    }

    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const message =
        status >= 500
          ? GENERIC_MESSAGES[HttpStatus.INTERNAL_SERVER_ERROR]!
          : httpExceptionMessage(exception);

      return { message, shouldNotify: true, status };
    }

    // Errors raised by body-parser before any handler runs carry a status.
    const status = (exception as { status?: unknown } | null)?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return {
        message: GENERIC_MESSAGES[status] ?? 'The request could not be read',
        shouldNotify: true,
        status,
      };
    }

    return {
      message: GENERIC_MESSAGES[HttpStatus.INTERNAL_SERVER_ERROR]!,
      shouldNotify: true,
      status: HttpStatus.INTERNAL_SERVER_ERROR,
    };
  }
}
