import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import {
  AuthenticatedRequest,
  IS_PUBLIC_KEY,
  UnauthenticatedError,
} from '@vexora/shared';

import { TokenService } from '../../application/token.service';
import { SessionStore } from '../../domain/session.store';

/** The scheme name is case-insensitive (RFC 9110 §11.1). */
const BEARER = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/i;

/**
 * Global guard: every route needs `Authorization: Bearer <access token>`
 * unless marked @Public(). Any malformed header is a plain 401.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly sessions: SessionStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) {
      return true;
    }

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    if (!header) {
      throw new UnauthenticatedError('Sign in to continue');
    }

    const match = BEARER.exec(header.trim());
    if (!match) {
      throw new UnauthenticatedError(
        'Malformed Authorization header; expected "Bearer <token>"',
      );
    }

    const claims = await this.tokens.verifyAccessToken(match[1]);
    if (await this.sessions.isRevoked(claims.sid, claims.jti)) {
      throw new UnauthenticatedError(
        'This session has ended, please sign in again',
      );
    }

    request.user = {
      sessionId: claims.sid,
      tokenExpiresAt: claims.exp,
      tokenId: claims.jti,
      username: claims.username,
      uuid: claims.uuid,
    };

    return true;
  }
}
