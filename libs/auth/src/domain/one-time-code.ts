/** What a one-time code may be used for; a code never serves another purpose. */
export type CodePurpose = 'reset' | 'verify';

export const CODE_LENGTH = 6;

/** Wrong guesses after which a code is void, even for the right digits. */
export const MAX_CODE_ATTEMPTS = 5;

export type CodeCheck = 'valid' | 'invalid';

/**
 * Port for issued codes, kept per (purpose, e-mail): a new code replaces the
 * previous one, and a code is consumed by its first successful check.
 */
export abstract class OneTimeCodeStore {
  abstract issue(
    purpose: CodePurpose,
    email: string,
    ttlSeconds: number,
  ): Promise<string>;

  abstract check(
    purpose: CodePurpose,
    email: string,
    code: string,
  ): Promise<CodeCheck>;

  /**
   * Reserves the right to mail `email` a code now. Returns 0 when granted,
   * else the seconds left until the cool-down ends.
   */
  abstract reserveSend(email: string, cooldownSeconds: number): Promise<number>;
}
