import {
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';

import {
  RESPONSE_MESSAGE_KEY,
  ResponseMessageOptions,
} from '../decorators/response-message.decorator';
import { Envelope, successEnvelope } from '../envelope';

/**
 * Wraps every successful handler result in the envelope and answers 200: the
 * mobile app treats any other status, 201 included, as a failure.
 */
@Injectable()
export class EnvelopeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(
    context: ExecutionContext,
    next: CallHandler,
  ): Observable<Envelope<unknown>> {
    const options = this.reflector.getAllAndOverride<
      ResponseMessageOptions | undefined
    >(RESPONSE_MESSAGE_KEY, [context.getHandler(), context.getClass()]);
    const response = context.switchToHttp().getResponse<Response>();

    return next.handle().pipe(
      map((data: unknown) => {
        response.status(HttpStatus.OK);

        return successEnvelope(
          data ?? null,
          options?.message ?? 'OK',
          options?.shouldNotify ?? false,
        );
      }),
    );
  }
}
