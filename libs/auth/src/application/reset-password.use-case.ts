import { Injectable } from '@nestjs/common';

import { normaliseEmail, UserRepository } from '@vexora/users';

import { InvalidCodeError } from '../domain/auth.errors';
import { OneTimeCodeStore } from '../domain/one-time-code';
import { PasswordHasher } from '../domain/password-hasher';
import { SessionStore } from '../domain/session.store';

/** Sets a new password with a reset code mailed to the account; signs out everywhere. */
@Injectable()
export class ResetPasswordUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly codes: OneTimeCodeStore,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionStore,
  ) {}

  async execute(
    rawEmail: string,
    code: string,
    newPassword: string,
  ): Promise<void> {
    const email = normaliseEmail(rawEmail);
    if ((await this.codes.check('reset', email, code)) !== 'valid') {
      throw new InvalidCodeError();
    }

    const user = await this.users.findByEmail(email);
    if (!user) {
      throw new InvalidCodeError();
    }

    await this.users.updatePasswordHash(
      user.uuid,
      await this.hasher.hash(newPassword),
    );
    await this.sessions.revokeUserSessions(user.uuid);
    if (!user.verified) {
      // The code reached the mailbox, which is all verification proves.
      await this.users.markVerified(user.uuid);
    }
  }
}
