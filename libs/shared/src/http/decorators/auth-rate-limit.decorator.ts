import { SetMetadata } from '@nestjs/common';

export const AUTH_RATE_LIMIT_KEY = 'vexora:auth-rate-limit';

/** Puts a route under the tighter per-IP limit for credential and code routes. */
export const AuthRateLimit = () => SetMetadata(AUTH_RATE_LIMIT_KEY, true);
