import { Injectable } from '@nestjs/common';

import { UnauthenticatedError } from '@vexora/shared';
import { UserRepository } from '@vexora/users';

import { SessionStore } from '../domain/session.store';
import { TokenPair } from '../domain/tokens';
import { TokenService } from './token.service';

/**
 * Trades a refresh token for a new pair. Each refresh token works once; a
 * second use means two parties hold it, so the whole session is ended.
 */
@Injectable()
export class RefreshSessionUseCase {
  constructor(
    private readonly tokens: TokenService,
    private readonly sessions: SessionStore,
    private readonly users: UserRepository,
  ) {}

  async execute(refreshToken: string): Promise<TokenPair> {
    const claims = await this.tokens.verifyRefreshToken(refreshToken);
    if (await this.sessions.isRevoked(claims.sid)) {
      throw new UnauthenticatedError(
        'This session has ended, please sign in again',
      );
    }

    if (!(await this.sessions.spendRefreshToken(claims.jti, claims.exp))) {
      await this.sessions.revokeSession(claims.sid);
      throw new UnauthenticatedError(
        'This refresh token was already used; please sign in again',
      );
    }

    const user = await this.users.findById(claims.uuid);
    if (!user) {
      throw new UnauthenticatedError('This account no longer exists');
    }

    return this.tokens.issuePair(user, claims.sid);
  }
}
