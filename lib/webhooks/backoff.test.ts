import { describe, expect, it } from 'vitest';
import { MAX_EVENT_ATTEMPTS, nextAttemptAt } from './backoff';

const now = new Date('2026-11-21T00:00:00Z');
const delayAfter = (attempts: number) => (nextAttemptAt(attempts, now)?.getTime() ?? NaN) - now.getTime();

describe('nextAttemptAt', () => {
  it('doubles the wait after each failure, starting at 30 seconds', () => {
    expect([1, 2, 3, 4].map(delayAfter)).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it('never waits more than six hours', () => {
    expect(delayAfter(11)).toBe(6 * 60 * 60 * 1000);
  });

  it('stops retrying automatically after the last attempt', () => {
    expect(nextAttemptAt(MAX_EVENT_ATTEMPTS - 1, now)).not.toBeNull();
    expect(nextAttemptAt(MAX_EVENT_ATTEMPTS, now)).toBeNull();
  });
});
