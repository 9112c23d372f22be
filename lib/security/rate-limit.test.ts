import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('createRateLimiter', () => {
  it('allows the limit per key and window, then refuses with the seconds left in the window', () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000 });
    expect(limiter.take('usr_a', 0)).toEqual({ allowed: true });
    expect(limiter.take('usr_a', 1_000)).toEqual({ allowed: true });
    expect(limiter.take('usr_a', 20_500)).toEqual({ allowed: false, retryAfterSeconds: 40 });
    // Another caller has its own budget.
    expect(limiter.take('usr_b', 20_500)).toEqual({ allowed: true });
  });

  it('opens a new window once the old one is over', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000 });
    expect(limiter.take('usr_a', 0).allowed).toBe(true);
    expect(limiter.take('usr_a', 59_999).allowed).toBe(false);
    expect(limiter.take('usr_a', 60_000).allowed).toBe(true);
  });
});
