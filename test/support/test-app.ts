import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';

import { createApp } from '../../apps/api/src/bootstrap';
import { SmtpSink } from './smtp-sink';

export interface TestContext {
  app: NestExpressApplication;
  http: TestAgent;
  mail: SmtpSink;
  close(): Promise<void>;
}

/** Boots the real application against the local PostgreSQL, Redis and an SMTP sink. */
export async function startTestApp(): Promise<TestContext> {
  const mail = new SmtpSink();
  process.env.SMTP_URL = await mail.start();

  const app = await createApp();
  await app.init();

  return {
    app,
    http: request(app.getHttpServer()),
    mail,
    close: async () => {
      await app.close();
      await mail.stop();
    },
  };
}

let counter = 0;

/** A unique identity per call, so test files can share one database. */
export function uniqueUser(prefix = 'user') {
  counter += 1;
  const tag =
    `${prefix}${Date.now().toString(36)}${process.pid.toString(36)}${counter}`.slice(
      -28,
    );

  return {
    email: `${tag}@example.test`,
    name: `Test ${prefix}`,
    password: 'a-long-enough-password',
    username: tag,
  };
}

export interface SignedInUser {
  accessToken: string;
  email: string;
  refreshToken: string;
  username: string;
  uuid: string;
}

/** Register → send-otp → code from the mail → verify-email → login, through the API. */
export async function signUp(
  context: TestContext,
  prefix = 'user',
): Promise<SignedInUser> {
  const user = uniqueUser(prefix);
  const registered = await context.http
    .post('/api/v1/register')
    .send(user)
    .expect(200);

  const since = context.mail.messages.length;
  await context.http
    .post('/api/v1/send-otp')
    .send({ email: user.email })
    .expect(200);
  const otp = await context.mail.nextCodeFor(user.email, since);
  await context.http
    .post('/api/v1/verify-email')
    .send({ email: user.email, otp })
    .expect(200);

  const login = await context.http
    .post('/api/v1/login')
    .send({ password: user.password, username: user.username })
    .expect(200);

  return {
    accessToken: login.body.data.access_token,
    email: user.email,
    refreshToken: login.body.data.refresh_token,
    username: user.username,
    uuid: registered.body.data.uuid,
  };
}
