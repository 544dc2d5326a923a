/**
 * Uniqueness and look-ups compare normalised values, so "Ａｌｉｃｅ" and
 * "alice", or " Bob@Mail.com" and "bob@mail.com", are the same account.
 */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function normaliseUsername(username: string): string {
  return username.normalize('NFKC').trim();
}
