import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';

import { AssetsController } from './controllers/assets.controller';
import { AllExceptionsFilter } from './filters/all-exceptions.filter';
import { EnvelopeInterceptor } from './interceptors/envelope.interceptor';
import { RouteMethods } from './route-methods';
import { AppValidationPipe } from './validation.pipe';

/**
 * The request pipeline, registered as app providers so that tests booting
 * the app module get exactly what production runs.
 */
@Module({
  controllers: [AssetsController],
  providers: [
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
    { provide: APP_INTERCEPTOR, useClass: EnvelopeInterceptor },
    { provide: APP_PIPE, useClass: AppValidationPipe },
    RouteMethods,
  ],
})
export class HttpModule {}
