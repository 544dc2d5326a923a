import { AddressInfo } from 'node:net';

import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';

import { createApp } from '../apps/api/src/bootstrap';
import { SmtpSink } from './support/smtp-sink';
import { uniqueUser } from './support/test-app';
import { expectError } from './support/envelope';

const AUTH_LIMIT = 4;

/** Two instances of the service on their own ports, sharing one Redis. */
describe('two instances sharing Redis (e2e)', () => {
  const mail = new SmtpSink();
  const apps: NestExpressApplication[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    process.env.SMTP_URL = await mail.start();
    process.env.RATE_LIMIT_AUTH_PER_WINDOW = String(AUTH_LIMIT);
    process.env.RATE_LIMIT_WINDOW_SECONDS = '30';
    process.env.TRUST_PROXY = 'loopback';

    for (let index = 0; index < 2; index += 1) {
      const app = await createApp();
      await app.listen(0, '127.0.0.1');
      apps.push(app);
      urls.push(
        `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`,
      );
    }
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await mail.stop();
  });

  it('should run on two different ports', () => {
    expect(new Set(urls).size).toBe(2);
  });

  /** A made-up client address per test, so that no other traffic shares its counter. */
  let addresses = 0;
  const clientAddress = () => {
    addresses += 1;

    return `203.0.113.${addresses}`;
  };

  it('should honour on one instance a logout made on the other', async () => {
    const address = clientAddress();
    const [first, second] = urls.map((url) => ({
      get: (path: string) =>
        request(url).get(path).set('X-Forwarded-For', address),
      post: (path: string) =>
        request(url).post(path).set('X-Forwarded-For', address),
    }));
    const user = uniqueUser('multi');
    await first.post('/api/v1/register').send(user).expect(200);
    const since = mail.messages.length;
    await second
      .post('/api/v1/send-otp')
      .send({ email: user.email })
      .expect(200);
    const otp = await mail.nextCodeFor(user.email, since);
    await first
      .post('/api/v1/verify-email')
      .send({ email: user.email, otp })
      .expect(200);
    const login = await second
      .post('/api/v1/login')
      .send({ password: user.password, username: user.username })
      .expect(200);
    const { access_token: access, refresh_token: refresh } = login.body.data;

    await second
      .get('/api/v1/user')
      .set('Authorization', `Bearer ${access}`)
      .expect(200);
    await first
      .post('/api/v1/logout')
      .set('Authorization', `Bearer ${access}`)
      .send({ refresh_token: refresh })
      .expect(200);

    await second
      .get('/api/v1/user')
      .set('Authorization', `Bearer ${access}`)
      .expect(401);
    await second
      .post('/api/v1/refresh')
      .send({ refresh_token: refresh })
      .expect(401);
  });

  it('should count a rate limit across both instances', async () => {
    const client = clientAddress();
    const attempt = (url: string) =>
      request(url)
        .post('/api/v1/login')
        .set('X-Forwarded-For', client)
        .send({ password: 'wrong-password-123', username: 'nobody-at-all' });

    const statuses: number[] = [];
    for (let index = 0; index < AUTH_LIMIT; index += 1) {
      statuses.push((await attempt(urls[index % 2])).status);
    }
    expect(statuses).toEqual(Array(AUTH_LIMIT).fill(401));

    const limited = await attempt(urls[0]);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expectError(limited.body);

    const alsoLimited = await attempt(urls[1]);
    expect(alsoLimited.status).toBe(429);
  });
});
