import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';

import { RateLimitModule } from '@vexora/shared/rate-limit/rate-limit.module';
import { UsersModule } from '@vexora/users';

import { ChangePasswordUseCase } from './application/change-password.use-case';
import { LoginUseCase } from './application/login.use-case';
import { LogoutUseCase } from './application/logout.use-case';
import { RefreshSessionUseCase } from './application/refresh-session.use-case';
import { RegisterUseCase } from './application/register.use-case';
import { ResetPasswordUseCase } from './application/reset-password.use-case';
import { SendCodeUseCase } from './application/send-code.use-case';
import { TokenService } from './application/token.service';
import { VerifyEmailUseCase } from './application/verify-email.use-case';
import { OneTimeCodeStore } from './domain/one-time-code';
import { PasswordHasher } from './domain/password-hasher';
import { SessionStore } from './domain/session.store';
import { AuthController } from './http/auth.controller';
import { JwtAuthGuard } from './http/guards/jwt-auth.guard';
import { RateLimitGuard } from './http/guards/rate-limit.guard';
import { Argon2PasswordHasher } from './infrastructure/argon2-password-hasher';
import { RedisOneTimeCodeStore } from './infrastructure/redis-one-time-code.store';
import { RedisSessionStore } from './infrastructure/redis-session.store';

@Module({
  imports: [JwtModule.register({}), RateLimitModule, UsersModule],
  controllers: [AuthController],
  providers: [
    ChangePasswordUseCase,
    LoginUseCase,
    LogoutUseCase,
    RefreshSessionUseCase,
    RegisterUseCase,
    ResetPasswordUseCase,
    SendCodeUseCase,
    TokenService,
    VerifyEmailUseCase,
    // Order matters: the rate limit needs the user the bearer guard found.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: OneTimeCodeStore, useClass: RedisOneTimeCodeStore },
    { provide: PasswordHasher, useClass: Argon2PasswordHasher },
    { provide: SessionStore, useClass: RedisSessionStore },
  ],
  exports: [TokenService],
})
export class AuthModule {}
