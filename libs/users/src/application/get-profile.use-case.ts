import { Injectable } from '@nestjs/common';

import { NotFoundError } from '@vexora/shared';

import { User } from '../domain/user';
import { UserRepository } from '../domain/user.repository';

/**
 * Reads the profile from PostgreSQL on every request. It is deliberately not
 * cached: one indexed lookup costs less than a cache that could hand back a
 * name, username or picture from before a change.
 */
@Injectable()
export class GetProfileUseCase {
  constructor(private readonly users: UserRepository) {}

  async execute(userId: string): Promise<User> {
    const user = await this.users.findById(userId);
    if (!user) {
      throw new NotFoundError('This account no longer exists');
    }

    return user;
  }
}
