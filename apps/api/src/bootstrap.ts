import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';

import { AppConfig } from '@vexora/shared';
import {
  BODY_LIMIT_BYTES,
  refuseUnreadableBodies,
  translateBodyParserErrors,
} from '@vexora/shared/http/body-parser-errors';
import { answerMalformedRequests } from '@vexora/shared/http/malformed-requests';

import { AppModule } from './app.module';

export const API_PREFIX = 'api/v1';

function setUpSwagger(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Vexora API')
      .setDescription(
        'Selfie in, mood and music out. Every response is the envelope ' +
          '{success, shouldNotify, message, data}; the schemas below describe `data`.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );

  // The UI loads its assets relative to the page: under "/docs/" they would
  // resolve to "/docs/docs/…" and the page would stay blank.
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.path === '/docs/') {
      response.redirect(301, '/docs');

      return;
    }

    next();
  });
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

/** Builds the configured application; `main.ts` and the e2e suite share it. */
export async function createApp(): Promise<NestExpressApplication> {
  // Body parsers are mounted below, followed by their error translation.
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    bufferLogs: true,
  });

  app.useLogger(app.get(Logger));
  app.use(refuseUnreadableBodies);
  app.useBodyParser('json', { limit: BODY_LIMIT_BYTES });
  app.useBodyParser('urlencoded', {
    extended: true,
    limit: BODY_LIMIT_BYTES,
  });
  app.use(translateBodyParserErrors);
  app.set('trust proxy', app.get(AppConfig).trustProxy);
  // The Swagger UI inlines its scripts; the API itself serves only JSON.
  app.use(helmet({ contentSecurityPolicy: false }));
  app.enableCors();
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { method: RequestMethod.GET, path: 'assets/*path' },
      { method: RequestMethod.GET, path: 'media/pictures/*path' },
    ],
  });
  app.enableShutdownHooks();
  answerMalformedRequests(app.getHttpServer());
  setUpSwagger(app);

  return app;
}
