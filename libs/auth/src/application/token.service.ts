import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

import { AppConfig, UnauthenticatedError } from '@vexora/shared';

import {
  AccessTokenClaims,
  RefreshTokenClaims,
  TokenPair,
} from '../domain/tokens';

/** HMAC-SHA256 only: a token naming another algorithm (or none) is refused. */
const ALGORITHM = 'HS256';

/**
 * Signs and checks JWTs. Access and refresh tokens use different secrets and
 * a `typ` claim, so neither can stand in for the other.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  async issuePair(
    user: { username: string; uuid: string },
    sessionId: string,
  ): Promise<TokenPair> {
    const { auth } = this.config;
    const [accessToken, refreshToken] = await Promise.all([
      this.jwt.signAsync(
        {
          sid: sessionId,
          typ: 'access',
          username: user.username,
          uuid: user.uuid,
        },
        {
          algorithm: ALGORITHM,
          expiresIn: auth.accessTtlSeconds,
          jwtid: randomUUID(),
          secret: auth.accessSecret,
          subject: user.uuid,
        },
      ),
      this.jwt.signAsync(
        { sid: sessionId, typ: 'refresh', uuid: user.uuid },
        {
          algorithm: ALGORITHM,
          expiresIn: auth.refreshTtlSeconds,
          jwtid: randomUUID(),
          secret: auth.refreshSecret,
          subject: user.uuid,
        },
      ),
    ]);

    return { accessToken, refreshToken };
  }

  /** Throws UnauthenticatedError for anything but a valid, unexpired access token. */
  async verifyAccessToken(token: string): Promise<AccessTokenClaims> {
    const claims = await this.verify<AccessTokenClaims>(
      token,
      this.config.auth.accessSecret,
      'access',
    );
    if (typeof claims.username !== 'string') {
      throw new UnauthenticatedError('Invalid access token');
    }

    return claims;
  }

  /** Throws UnauthenticatedError for anything but a valid, unexpired refresh token. */
  verifyRefreshToken(token: string): Promise<RefreshTokenClaims> {
    return this.verify<RefreshTokenClaims>(
      token,
      this.config.auth.refreshSecret,
      'refresh',
    );
  }

  private async verify<T extends AccessTokenClaims | RefreshTokenClaims>(
    token: string,
    secret: string,
    type: T['typ'],
  ): Promise<T> {
    const invalid = `Invalid ${type} token`;
    let claims: Partial<T>;
    try {
      claims = await this.jwt.verifyAsync<Partial<T>>(token, {
        algorithms: [ALGORITHM],
        secret,
      });
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw new UnauthenticatedError(
        expired
          ? `The ${type} token has expired, please sign in again`
          : invalid,
      );
    }

    const wellFormed =
      claims.typ === type &&
      typeof claims.uuid === 'string' &&
      typeof claims.sid === 'string' &&
      typeof claims.jti === 'string' &&
      typeof claims.exp === 'number';
    if (!wellFormed) {
      throw new UnauthenticatedError(invalid);
    }

    return claims as T;
  }
}
