import { createClient, RedisClientType } from '@redis/client';

import { startTestApp, TestContext, uniqueUser } from './support/test-app';

const AUTH_LIMIT = 5;
const GENERAL_LIMIT = 8;
const COOLDOWN_SECONDS = 60;

describe('rate limits and code cool-down (e2e)', () => {
  let context: TestContext;
  let redis: RedisClientType;
  let addresses = 0;

  beforeAll(async () => {
    Object.assign(process.env, {
      OTP_RESEND_COOLDOWN_SECONDS: String(COOLDOWN_SECONDS),
      RATE_LIMIT_AUTH_PER_WINDOW: String(AUTH_LIMIT),
      RATE_LIMIT_PER_WINDOW: String(GENERAL_LIMIT),
      RATE_LIMIT_WINDOW_SECONDS: '30',
      TRUST_PROXY: 'loopback',
    });
    context = await startTestApp();
    redis = createClient({ url: process.env.REDIS_URL }) as RedisClientType;
    await redis.connect();
  });

  afterAll(async () => {
    await redis.quit();
    await context.close();
  });

  /** A made-up client address per caller, so that counters start at zero. */
  const newAddress = () => {
    addresses += 1;

    return `198.51.100.${addresses}`;
  };

  const expectLimited = (response: {
    body: unknown;
    headers: Record<string, string>;
    status: number;
  }) => {
    expect(response.status).toBe(429);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(response.body).toEqual({
      data: null,
      message: expect.any(String),
      shouldNotify: true,
      success: false,
    });
  };

  it('should make a second code for the same address wait, saying how long, account or not', async () => {
    const user = uniqueUser('cool');
    await context.http
      .post('/api/v1/register')
      .set('X-Forwarded-For', newAddress())
      .send(user)
      .expect(200);

    for (const email of [user.email, `nobody-${Date.now()}@example.test`]) {
      const address = newAddress();
      await context.http
        .post('/api/v1/send-otp')
        .set('X-Forwarded-For', address)
        .send({ email })
        .expect(200);

      const again = await context.http
        .post('/api/v1/send-otp')
        .set('X-Forwarded-For', newAddress())
        .send({ email: `  ${email.toUpperCase()} ` });

      expectLimited(again);
      expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(
        COOLDOWN_SECONDS,
      );
      expect(again.body.message).toMatch(/\d+ seconds/);
    }
  });

  it('should limit credential routes per IP', async () => {
    const address = newAddress();
    const attempt = () =>
      context.http
        .post('/api/v1/login')
        .set('X-Forwarded-For', address)
        .send({ password: 'wrong-password-123', username: 'nobody-here' });

    for (let index = 0; index < AUTH_LIMIT; index += 1) {
      await attempt().expect(401);
    }

    expectLimited(await attempt());
    // Another address is not affected.
    await context.http
      .post('/api/v1/login')
      .set('X-Forwarded-For', newAddress())
      .send({ password: 'wrong-password-123', username: 'nobody-here' })
      .expect(401);
  });

  it('should limit signed-in callers per user, not per IP', async () => {
    const signUpFrom = async (address: string) => {
      const user = uniqueUser('limit');
      const send = (path: string, body: object) =>
        context.http
          .post(path)
          .set('X-Forwarded-For', address)
          .send(body)
          .expect(200);
      await send('/api/v1/register', user);
      const since = context.mail.messages.length;
      await send('/api/v1/send-otp', { email: user.email });
      const otp = await context.mail.nextCodeFor(user.email, since);
      await send('/api/v1/verify-email', { email: user.email, otp });
      const login = await send('/api/v1/login', {
        password: user.password,
        username: user.username,
      });

      return login.body.data.access_token as string;
    };
    const busy = await signUpFrom(newAddress());
    const calm = await signUpFrom(newAddress());
    const shared = newAddress();
    const profile = (token: string) =>
      context.http
        .get('/api/v1/user')
        .set('X-Forwarded-For', shared)
        .set('Authorization', `Bearer ${token}`);

    for (let index = 0; index < GENERAL_LIMIT; index += 1) {
      await profile(busy).expect(200);
    }

    expectLimited(await profile(busy));
    await profile(calm).expect(200);
  });

  it('should give every rate-limit key an expiry', async () => {
    const keys: string[] = [];
    for await (const batch of redis.scanIterator({ COUNT: 500 })) {
      keys.push(...batch);
    }

    const ttls = await Promise.all(keys.map((key) => redis.ttl(key)));
    expect(ttls.filter((ttl) => ttl === -1)).toEqual([]);
  });
});
