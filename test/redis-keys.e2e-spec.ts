import { createClient, RedisClientType } from '@redis/client';

import { readFace } from './support/fixtures';
import { signUp, startTestApp, TestContext } from './support/test-app';

/** Every key the service writes must expire: Redis is never a dumping ground. */
describe('Redis keys (e2e)', () => {
  let context: TestContext;
  let redis: RedisClientType;

  beforeAll(async () => {
    context = await startTestApp();
    redis = createClient({ url: process.env.REDIS_URL }) as RedisClientType;
    await redis.connect();
  });

  afterAll(async () => {
    await redis.quit();
    await context.close();
  });

  it('should give every key an expiry after the main flows ran', async () => {
    const user = await signUp(context, 'keys');
    const auth = `Bearer ${user.accessToken}`;
    await context.http
      .post('/api/v1/send-otp')
      .send({ email: 'nobody@example.test' })
      .expect(200);
    await context.http
      .post('/api/v1/mood-detection')
      .set('Authorization', auth)
      .attach('image', readFace('photos/happy_0001.jpg'), 'selfie.jpg')
      .expect(200);
    await context.http
      .get('/api/v1/history')
      .set('Authorization', auth)
      .expect(200);
    await context.http
      .get('/api/v1/user')
      .set('Authorization', auth)
      .expect(200);
    const rotated = await context.http
      .post('/api/v1/refresh')
      .send({ refresh_token: user.refreshToken })
      .expect(200);
    await context.http
      .post('/api/v1/logout')
      .set('Authorization', `Bearer ${rotated.body.data.access_token}`)
      .send({ refresh_token: rotated.body.data.refresh_token })
      .expect(200);
    await context.http
      .post('/api/v1/refresh')
      .send({ refresh_token: user.refreshToken })
      .expect(401);

    const keys: string[] = [];
    for await (const batch of redis.scanIterator({ COUNT: 500 })) {
      keys.push(...batch);
    }
    const immortal: string[] = [];
    for (const key of keys) {
      if ((await redis.ttl(key)) === -1) {
        immortal.push(key);
      }
    }

    expect(keys.length).toBeGreaterThan(5);
    expect(immortal).toEqual([]);
  });
});
