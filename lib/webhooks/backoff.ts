// When a failed event is tried again: exponential backoff from 30 s, capped at 6 h, for 12 attempts (about a
// day, close to how long Stripe itself keeps retrying a delivery); after that only an operator replay retries.
export const MAX_EVENT_ATTEMPTS = 12;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 6 * 60 * 60 * 1000;

/** `attempts` counts the attempt that just failed (1 for the first). Null: give up automatic retries. */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_EVENT_ATTEMPTS) return null;
  const delay = Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
  return new Date(now.getTime() + delay);
}
