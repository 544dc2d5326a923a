import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

import { UnauthenticatedError } from '../../errors/domain-error';

/** Who made the request, as established by the bearer-token guard. */
export interface AuthenticatedUser {
  /** The sign-in (token family) the access token belongs to. */
  sessionId: string;
  /** Id of the access token, for revoking it. */
  tokenId: string;
  /** Expiry of the access token, seconds since the epoch. */
  tokenExpiresAt: number;
  username: string;
  uuid: string;
}

export type AuthenticatedRequest = Request & { user?: AuthenticatedUser };

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.user) {
      throw new UnauthenticatedError();
    }

    return request.user;
  },
);
