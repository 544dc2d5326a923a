import { setTimeout as sleep } from 'node:timers/promises';

/** Time as the Spotify adapter sees it; tests replace it to skip waiting. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(milliseconds: number): Promise<void>;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: async (milliseconds) => {
    await sleep(milliseconds);
  },
};
