import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows a burst of twice the rate, then refuses with the seconds to wait, then refills', () => {
    const limiter = new RateLimiter(2);
    const t = 1_000_000;
    for (let i = 0; i < 4; i++) expect(limiter.take('org', t)).toEqual({ ok: true });
    expect(limiter.take('org', t)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take('org', t + 500)).toEqual({ ok: true });
  });

  it('keeps organizations apart', () => {
    const limiter = new RateLimiter(1, 1);
    expect(limiter.take('a', 0).ok).toBe(true);
    expect(limiter.take('a', 0).ok).toBe(false);
    expect(limiter.take('b', 0).ok).toBe(true);
  });
});
