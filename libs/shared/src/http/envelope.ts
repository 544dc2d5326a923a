/** The body of every response, success or error (the mobile client's contract). */
export interface Envelope<T> {
  data: T | null;
  message: string;
  shouldNotify: boolean;
  success: boolean;
}

export function successEnvelope<T>(
  data: T,
  message: string,
  shouldNotify = false,
): Envelope<T> {
  return { success: true, shouldNotify, message, data };
}

export function errorEnvelope(
  message: string,
  shouldNotify = true,
): Envelope<null> {
  return { success: false, shouldNotify, message, data: null };
}
