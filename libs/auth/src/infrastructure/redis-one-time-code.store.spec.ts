import { createClient, RedisClientType } from '@redis/client';

import { AppConfig, loadConfig, RedisConnection } from '@vexora/shared';

import { MAX_CODE_ATTEMPTS } from '../domain/one-time-code';
import { RedisOneTimeCodeStore } from './redis-one-time-code.store';

describe(RedisOneTimeCodeStore.name, () => {
  let client: RedisClientType;
  let config: AppConfig;
  let store: RedisOneTimeCodeStore;
  let email: string;

  beforeAll(async () => {
    client = createClient({ url: process.env.REDIS_URL }) as RedisClientType;
    await client.connect();
    config = loadConfig(process.env);
    store = new RedisOneTimeCodeStore({ client } as RedisConnection, config);
  });

  beforeEach(() => {
    email = `otp-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
  });

  afterAll(async () => {
    await client.quit();
  });

  const wrong = (code: string) =>
    String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  describe('issue', () => {
    it('should return six digits and keep only a digest with an expiry', async () => {
      const code = await store.issue('verify', email, 300);

      expect(code).toMatch(/^\d{6}$/);
      const key = `vexora:otp:verify:${email}`;
      const stored = await client.hGetAll(key);
      expect(JSON.stringify(stored)).not.toContain(code);
      const ttl = await client.ttl(key);
      expect(ttl).toBeGreaterThan(290);
      expect(ttl).toBeLessThanOrEqual(300);
    });

    it('should void the previous code when a new one is issued', async () => {
      const first = await store.issue('verify', email, 300);
      let second = await store.issue('verify', email, 300);
      while (second === first) {
        second = await store.issue('verify', email, 300);
      }

      await expect(store.check('verify', email, first)).resolves.toBe(
        'invalid',
      );
      await expect(store.check('verify', email, second)).resolves.toBe('valid');
    });
  });

  describe('check', () => {
    it('should accept the right code once', async () => {
      const code = await store.issue('verify', email, 300);

      await expect(store.check('verify', email, code)).resolves.toBe('valid');
      await expect(store.check('verify', email, code)).resolves.toBe('invalid');
    });

    it('should bind a code to its e-mail and purpose', async () => {
      const code = await store.issue('verify', email, 300);

      await expect(store.check('verify', `other-${email}`, code)).resolves.toBe(
        'invalid',
      );
      await expect(store.check('reset', email, code)).resolves.toBe('invalid');
      await expect(store.check('verify', email, code)).resolves.toBe('valid');
    });

    it(`should void the code after ${MAX_CODE_ATTEMPTS} wrong guesses`, async () => {
      const code = await store.issue('verify', email, 300);
      for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt += 1) {
        await expect(store.check('verify', email, wrong(code))).resolves.toBe(
          'invalid',
        );
      }

      await expect(store.check('verify', email, code)).resolves.toBe('invalid');
      expect(await client.exists(`vexora:otp:verify:${email}`)).toBe(0);
    });

    it('should let only one of two concurrent right answers through', async () => {
      const code = await store.issue('reset', email, 300);

      const results = await Promise.all([
        store.check('reset', email, code),
        store.check('reset', email, code),
      ]);

      expect(results.sort()).toEqual(['invalid', 'valid']);
    });

    it('should expire with its time to live', async () => {
      const code = await store.issue('verify', email, 1);
      await new Promise((resolve) => setTimeout(resolve, 1100));

      await expect(store.check('verify', email, code)).resolves.toBe('invalid');
    });
  });
});
