import { Injectable } from '@nestjs/common';

import { ConflictError } from '@vexora/shared';
import {
  normaliseEmail,
  normaliseUsername,
  User,
  UserRepository,
} from '@vexora/users';

import { PasswordHasher } from '../domain/password-hasher';

export interface RegisterCommand {
  email: string;
  name: string;
  password: string;
  username: string;
}

@Injectable()
export class RegisterUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(command: RegisterCommand): Promise<User> {
    const email = normaliseEmail(command.email);
    const username = normaliseUsername(command.username);

    if (await this.users.findByEmail(email)) {
      throw new ConflictError('An account with this e-mail already exists');
    }

    if (await this.users.findCredentialsByUsername(username)) {
      throw new ConflictError('This username is already taken');
    }

    // The unique indexes still decide a race between two registrations.
    return this.users.create({
      email,
      name: command.name.trim(),
      passwordHash: await this.hasher.hash(command.password),
      username,
    });
  }
}
