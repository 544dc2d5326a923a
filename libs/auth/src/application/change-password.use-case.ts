import { Injectable } from '@nestjs/common';

import {
  AuthenticatedUser,
  DomainError,
  ErrorCode,
  UnauthenticatedError,
} from '@vexora/shared';
import { UserRepository } from '@vexora/users';

import { PasswordHasher } from '../domain/password-hasher';
import { SessionStore } from '../domain/session.store';

/** Sets a new password; every other session of the user is signed out. */
@Injectable()
export class ChangePasswordUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionStore,
  ) {}

  async execute(
    caller: AuthenticatedUser,
    previousPassword: string,
    newPassword: string,
  ): Promise<void> {
    const credentials = await this.users.findCredentialsById(caller.uuid);
    if (!credentials) {
      throw new UnauthenticatedError('This account no longer exists');
    }

    if (
      !(await this.hasher.verify(credentials.passwordHash, previousPassword))
    ) {
      throw new DomainError(
        ErrorCode.InvalidCredentials,
        'The current password is wrong',
      );
    }

    if (newPassword === previousPassword) {
      throw new DomainError(
        ErrorCode.BadRequest,
        'new_password must differ from the current password',
      );
    }

    await this.users.updatePasswordHash(
      caller.uuid,
      await this.hasher.hash(newPassword),
    );
    await this.sessions.revokeUserSessions(caller.uuid, caller.sessionId);
  }
}
