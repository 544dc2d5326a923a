import { randomUUID } from 'node:crypto';

import { Module, RequestMethod } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';

import { AppConfig } from '../config/app-config';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Accept a caller's id only if it looks like one, never arbitrary text. */
function requestId(request: IncomingMessage, response: ServerResponse): string {
  const offered = request.headers[REQUEST_ID_HEADER];
  const id =
    typeof offered === 'string' && /^[\w-]{8,64}$/.test(offered)
      ? offered
      : randomUUID();
  response.setHeader(REQUEST_ID_HEADER, id);

  return id;
}

/**
 * One JSON line per request (method, route, status, duration, request id).
 * Bodies are never logged; credentials in headers are redacted.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // Express 5 route syntax; nestjs-pino's default "*" draws a warning.
        forRoutes: [{ method: RequestMethod.ALL, path: '{*path}' }],
        pinoHttp: {
          autoLogging: {
            ignore: (request) => request.url?.startsWith('/assets/') ?? false,
          },
          customLogLevel: (_request, response, error) => {
            if (error || response.statusCode >= 500) {
              return 'error';
            }

            return response.statusCode >= 400 ? 'warn' : 'info';
          },
          genReqId: requestId,
          level: config.logLevel,
          redact: ['req.headers.authorization', 'req.headers.cookie'],
          serializers: {
            req: (request: { id: string; method: string; url: string }) => ({
              id: request.id,
              method: request.method,
              url: request.url,
            }),
            res: (response: { statusCode: number }) => ({
              statusCode: response.statusCode,
            }),
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
