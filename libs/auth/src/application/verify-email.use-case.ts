import { Injectable } from '@nestjs/common';

import { normaliseEmail, UserRepository } from '@vexora/users';

import { InvalidCodeError } from '../domain/auth.errors';
import { OneTimeCodeStore } from '../domain/one-time-code';

@Injectable()
export class VerifyEmailUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly codes: OneTimeCodeStore,
  ) {}

  async execute(rawEmail: string, code: string): Promise<void> {
    const email = normaliseEmail(rawEmail);
    const result = await this.codes.check('verify', email, code);
    if (result !== 'valid') {
      throw new InvalidCodeError();
    }

    const user = await this.users.findByEmail(email);
    if (!user) {
      throw new InvalidCodeError();
    }

    await this.users.markVerified(user.uuid);
  }
}
