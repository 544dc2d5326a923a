import { Injectable, Logger } from '@nestjs/common';

import { AppConfig, DomainError, ErrorCode, Mailer } from '@vexora/shared';
import { normaliseEmail, UserRepository } from '@vexora/users';

import { CodePurpose, OneTimeCodeStore } from '../domain/one-time-code';

/**
 * Mails a 6-digit code: by default a verification code while the address is
 * unverified and a password-reset code afterwards. The answer, cool-down
 * included, is the same whether or not the address has an account.
 */
@Injectable()
export class SendCodeUseCase {
  private readonly logger = new Logger(SendCodeUseCase.name);

  constructor(
    private readonly users: UserRepository,
    private readonly codes: OneTimeCodeStore,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
  ) {}

  async execute(rawEmail: string, requested?: CodePurpose): Promise<void> {
    const email = normaliseEmail(rawEmail);
    const wait = await this.codes.reserveSend(
      email,
      this.config.auth.otpResendCooldownSeconds,
    );
    if (wait > 0) {
      throw new DomainError(
        ErrorCode.RateLimited,
        `Please wait ${wait} seconds before asking for another code`,
        {
          retryAfterSeconds: wait,
        },
      );
    }

    const user = await this.users.findByEmail(email);
    if (!user) {
      return;
    }

    const purpose: CodePurpose =
      requested ?? (user.verified ? 'reset' : 'verify');
    if (purpose === 'verify' && user.verified) {
      return;
    }

    await this.sendCode(purpose, email);
  }

  private async sendCode(purpose: CodePurpose, email: string): Promise<void> {
    const ttlSeconds = this.config.auth.otpTtlSeconds;
    const code = await this.codes.issue(purpose, email, ttlSeconds);
    const minutes = Math.round(ttlSeconds / 60);
    const what =
      purpose === 'verify'
        ? 'verify your e-mail address'
        : 'reset your password';

    try {
      await this.mailer.send({
        subject: `Your Vexora code: ${code}`,
        text: `Use ${code} to ${what}. The code expires in ${minutes} minutes.\n\nIf you did not ask for it, ignore this message.`,
        to: email,
      });
    } catch (error) {
      // Answering differently would reveal that the account exists.
      this.logger.error(`Could not send the ${purpose} code: ${String(error)}`);
    }
  }
}
