/**
 * Port for the server-side state of sign-ins. A session (a "token family")
 * starts at login and lives through every refresh-token rotation; revoking
 * it ends the access and refresh tokens that belong to it, on every
 * instance that shares the store.
 */
export abstract class SessionStore {
  abstract start(userUuid: string, sessionId: string): Promise<void>;

  /**
   * Marks a refresh token as spent. False when it was spent before: a sign
   * that it was stolen, and the caller must end its session.
   */
  abstract spendRefreshToken(
    tokenId: string,
    expiresAt: number,
  ): Promise<boolean>;

  abstract revokeSession(sessionId: string): Promise<void>;

  abstract revokeAccessToken(tokenId: string, expiresAt: number): Promise<void>;

  /** Ends every session of the user except `keepSessionId`, if given. */
  abstract revokeUserSessions(
    userUuid: string,
    keepSessionId?: string,
  ): Promise<void>;

  abstract isRevoked(
    sessionId: string,
    accessTokenId?: string,
  ): Promise<boolean>;
}
