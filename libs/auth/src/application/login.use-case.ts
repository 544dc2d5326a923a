import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { normaliseUsername, UserRepository } from '@vexora/users';

import {
  EmailNotVerifiedError,
  InvalidCredentialsError,
} from '../domain/auth.errors';
import { PasswordHasher } from '../domain/password-hasher';
import { SessionStore } from '../domain/session.store';
import { TokenPair } from '../domain/tokens';
import { TokenService } from './token.service';

@Injectable()
export class LoginUseCase {
  /** Verified against when the username is unknown, so both cases take as long. */
  private decoyHash?: Promise<string>;

  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly sessions: SessionStore,
  ) {}

  async execute(username: string, password: string): Promise<TokenPair> {
    const credentials = await this.users.findCredentialsByUsername(
      normaliseUsername(username),
    );
    if (!credentials) {
      this.decoyHash ??= this.hasher.hash('vexora-decoy-password');
      await this.hasher.verify(await this.decoyHash, password);
      throw new InvalidCredentialsError();
    }

    if (!(await this.hasher.verify(credentials.passwordHash, password))) {
      throw new InvalidCredentialsError();
    }

    if (!credentials.user.verified) {
      throw new EmailNotVerifiedError();
    }

    const sessionId = randomUUID();
    await this.sessions.start(credentials.user.uuid, sessionId);

    return this.tokens.issuePair(credentials.user, sessionId);
  }
}
