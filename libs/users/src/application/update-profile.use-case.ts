import { Injectable } from '@nestjs/common';

import { ConflictError } from '@vexora/shared';

import { ProfileChanges, User } from '../domain/user';
import { normaliseUsername } from '../domain/user-normalisation';
import { UserRepository } from '../domain/user.repository';

@Injectable()
export class UpdateProfileUseCase {
  constructor(private readonly users: UserRepository) {}

  async execute(userUuid: string, changes: ProfileChanges): Promise<User> {
    const update: ProfileChanges = {};
    if (changes.name !== undefined) {
      update.name = changes.name.trim();
    }

    if (changes.username !== undefined) {
      update.username = normaliseUsername(changes.username);
      const holder = await this.users.findCredentialsByUsername(
        update.username,
      );
      if (holder && holder.user.uuid !== userUuid) {
        throw new ConflictError('This username is already taken');
      }
    }

    // The unique index still decides a race with another account.
    return this.users.updateProfile(userUuid, update);
  }
}
