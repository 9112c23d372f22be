// A fixed-window rate limiter kept in this process's memory: enough to stop one caller flooding one app server
// (several servers each allow the limit). Keys are whatever identifies the caller (a Stripe user id).
// Expired windows are dropped as new ones are opened, so memory stays bounded by the callers of one window.

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type RateLimiter = {
  /** Counts one request for `key` at `now` (ms) and says whether it is within the limit. */
  take(key: string, now?: number): RateLimitDecision;
};

export function createRateLimiter(options: { limit: number; windowMs: number }): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = 0;

  function sweep(now: number): void {
    if (now - lastSweep < options.windowMs) return;
    lastSweep = now;
    for (const [key, window] of windows) if (now - window.start >= options.windowMs) windows.delete(key);
  }

  return {
    take(key, now = Date.now()) {
      sweep(now);
      const current = windows.get(key);
      if (!current || now - current.start >= options.windowMs) {
        windows.set(key, { start: now, count: 1 });
        return { allowed: true };
      }
      if (current.count >= options.limit) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((current.start + options.windowMs - now) / 1000)) };
      }
      current.count += 1;
      return { allowed: true };
    },
  };
}
