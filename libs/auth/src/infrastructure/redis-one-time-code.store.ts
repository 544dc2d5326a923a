import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { AppConfig, RedisConnection } from '@vexora/shared';

import {
  CODE_LENGTH,
  CodeCheck,
  CodePurpose,
  MAX_CODE_ATTEMPTS,
  OneTimeCodeStore,
} from '../domain/one-time-code';

/**
 * Counts a wrong guess and voids the code at the limit. A script, so that a
 * code expiring between the read and the count is not recreated without TTL.
 */
const COUNT_WRONG_GUESS = `
  if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
  local attempts = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
  if attempts >= tonumber(ARGV[1]) then redis.call('DEL', KEYS[1]) end
  return attempts
`;

/**
 * Codes live in a Redis hash per (purpose, e-mail) holding the code's HMAC
 * and the count of wrong guesses, with the code's lifetime as the key's TTL.
 * Only the HMAC is stored, so a Redis dump does not reveal usable codes.
 */
@Injectable()
export class RedisOneTimeCodeStore extends OneTimeCodeStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async issue(
    purpose: CodePurpose,
    email: string,
    ttlSeconds: number,
  ): Promise<string> {
    const code = randomInt(0, 10 ** CODE_LENGTH)
      .toString()
      .padStart(CODE_LENGTH, '0');
    const key = this.key(purpose, email);

    await this.redis.client
      .multi()
      .del(key)
      .hSet(key, { attempts: '0', digest: this.digest(purpose, email, code) })
      .expire(key, ttlSeconds)
      .exec();

    return code;
  }

  async check(
    purpose: CodePurpose,
    email: string,
    code: string,
  ): Promise<CodeCheck> {
    const key = this.key(purpose, email);
    const stored = await this.redis.client.hGetAll(key);
    if (!stored.digest) {
      return 'invalid';
    }

    const expected = Buffer.from(stored.digest, 'hex');
    const offered = Buffer.from(this.digest(purpose, email, code), 'hex');
    if (
      timingSafeEqual(expected, offered) &&
      Number(stored.attempts) < MAX_CODE_ATTEMPTS
    ) {
      // Whoever deletes the key first owns the code: two concurrent
      // submissions of the right code cannot both succeed.
      const deleted = await this.redis.client.del(key);

      return deleted === 1 ? 'valid' : 'invalid';
    }

    await this.redis.client.eval(COUNT_WRONG_GUESS, {
      arguments: [String(MAX_CODE_ATTEMPTS)],
      keys: [key],
    });

    return 'invalid';
  }

  async reserveSend(email: string, cooldownSeconds: number): Promise<number> {
    if (cooldownSeconds <= 0) {
      return 0;
    }

    const key = `vexora:otp-cooldown:${email}`;
    const granted = await this.redis.client.set(key, '1', {
      condition: 'NX',
      expiration: { type: 'EX', value: cooldownSeconds },
    });
    if (granted === 'OK') {
      return 0;
    }

    return Math.max(1, await this.redis.client.ttl(key));
  }

  private key(purpose: CodePurpose, email: string): string {
    return `vexora:otp:${purpose}:${email}`;
  }

  private digest(purpose: CodePurpose, email: string, code: string): string {
    return createHmac('sha256', this.config.auth.accessSecret)
      .update(`otp:${purpose}:${email}:${code}`)
      .digest('hex');
  }
}
