import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';

import { AuthenticatedRequest, DomainError, ErrorCode } from '@vexora/shared';

/**
 * Counts signed-in callers per user and anonymous ones per IP. Runs after
 * the bearer guard, which has set `request.user` by then.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(
    request: Record<string, unknown>,
  ): Promise<string> {
    const { ip, user } = request as unknown as AuthenticatedRequest;

    return user ? `user:${user.uuid}` : `ip:${ip ?? 'unknown'}`;
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const wait = Math.max(1, Math.ceil(detail.timeToBlockExpire));

    throw new DomainError(
      ErrorCode.RateLimited,
      `Too many requests, please try again in ${wait} seconds`,
      {
        retryAfterSeconds: wait,
      },
    );
  }
}
