import { Injectable } from '@nestjs/common';

import { AppConfig, RedisConnection } from '@vexora/shared';

import { SessionStore } from '../domain/session.store';

const PREFIX = 'vexora:session';

/** Seconds from now until `expiresAt` (epoch seconds), at least one. */
function secondsUntil(expiresAt: number): number {
  return Math.max(1, Math.ceil(expiresAt - Date.now() / 1000));
}

/**
 * Every key lives as long as the longest token it can concern (a refresh
 * token), so revocations outlast what they revoke and nothing is immortal.
 */
@Injectable()
export class RedisSessionStore extends SessionStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly config: AppConfig,
  ) {
    super();
  }

  private get lifetime(): number {
    return this.config.auth.refreshTtlSeconds;
  }

  async start(userUuid: string, sessionId: string): Promise<void> {
    const key = `${PREFIX}:user:${userUuid}`;
    await this.redis.client
      .multi()
      .sAdd(key, sessionId)
      .expire(key, this.lifetime)
      .exec();
  }

  async spendRefreshToken(
    tokenId: string,
    expiresAt: number,
  ): Promise<boolean> {
    const result = await this.redis.client.set(
      `${PREFIX}:spent:${tokenId}`,
      '1',
      {
        condition: 'NX',
        expiration: { type: 'EX', value: secondsUntil(expiresAt) },
      },
    );

    return result === 'OK';
  }

  async revokeSession(sessionId: string): Promise<void> {
    await this.redis.client.set(`${PREFIX}:revoked:${sessionId}`, '1', {
      expiration: { type: 'EX', value: this.lifetime },
    });
  }

  async revokeAccessToken(tokenId: string, expiresAt: number): Promise<void> {
    await this.redis.client.set(`${PREFIX}:revoked-access:${tokenId}`, '1', {
      expiration: { type: 'EX', value: secondsUntil(expiresAt) },
    });
  }

  async revokeUserSessions(
    userUuid: string,
    keepSessionId?: string,
  ): Promise<void> {
    const key = `${PREFIX}:user:${userUuid}`;
    const sessions = await this.redis.client.sMembers(key);
    const ended = sessions.filter((sessionId) => sessionId !== keepSessionId);
    if (ended.length === 0) {
      return;
    }

    const transaction = this.redis.client.multi();
    for (const sessionId of ended) {
      transaction.set(`${PREFIX}:revoked:${sessionId}`, '1', {
        expiration: { type: 'EX', value: this.lifetime },
      });
      transaction.sRem(key, sessionId);
    }

    await transaction.exec();
  }

  async isRevoked(sessionId: string, accessTokenId?: string): Promise<boolean> {
    const keys = [`${PREFIX}:revoked:${sessionId}`];
    if (accessTokenId) {
      keys.push(`${PREFIX}:revoked-access:${accessTokenId}`);
    }

    return (await this.redis.client.exists(keys)) > 0;
  }
}
