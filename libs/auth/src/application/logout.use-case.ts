import { Injectable } from '@nestjs/common';

import { AuthenticatedUser } from '@vexora/shared';

import { SessionStore } from '../domain/session.store';
import { RefreshTokenClaims } from '../domain/tokens';
import { TokenService } from './token.service';

/**
 * Ends the caller's session: the access token it called with and the
 * refresh token it hands in stop working, here and on every instance.
 */
@Injectable()
export class LogoutUseCase {
  constructor(
    private readonly tokens: TokenService,
    private readonly sessions: SessionStore,
  ) {}

  async execute(
    caller: AuthenticatedUser,
    refreshToken: string,
  ): Promise<void> {
    await Promise.all([
      this.sessions.revokeAccessToken(caller.tokenId, caller.tokenExpiresAt),
      this.sessions.revokeSession(caller.sessionId),
    ]);

    // The refresh token normally shares the caller's session; one from an
    // older rotation or another device of the same user is ended too. A
    // token that is invalid or someone else's changes nothing.
    const claims = await this.tokens
      .verifyRefreshToken(refreshToken)
      .catch(() => null);
    if (this.isOwnOtherSession(claims, caller)) {
      await this.sessions.revokeSession(claims.sid);
    }
  }

  private isOwnOtherSession(
    claims: RefreshTokenClaims | null,
    caller: AuthenticatedUser,
  ): claims is RefreshTokenClaims {
    return (
      claims !== null &&
      claims.uuid === caller.uuid &&
      claims.sid !== caller.sessionId
    );
  }
}
