// A server whose job runner could not start (the database unreachable at boot, or any other error) tries again
// later instead of running without one until restarted; until then enqueueJob answers false (the sweeps cover).
import { afterEach, describe, expect, it, vi } from 'vitest';

const runner = vi.hoisted(() => ({ attempts: 0, sent: [] as string[] }));
vi.mock('@/lib/env', () => ({ env: { DATABASE_URL: 'postgres://jobs.test/seikyu', JOBS_POLL_SECONDS: 1 } }));
vi.mock('./runner', () => ({
  startJobRunner: async () => {
    runner.attempts += 1;
    if (runner.attempts === 1) throw new Error('connect ECONNREFUSED');
    return { boss: { send: async (name: string) => void runner.sent.push(name) }, stop: async () => {} };
  },
}));

const { enqueueJob, startBackgroundWorkers, stopBackgroundWorkers } = await import('./index');

describe('startBackgroundWorkers', () => {
  afterEach(async () => {
    await stopBackgroundWorkers();
    vi.useRealTimers();
  });

  it('tries again after a failed start, and jobs go through once it is up', async () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await startBackgroundWorkers()).toBeNull();
    expect(await enqueueJob('notifications.deliver', { notificationId: 'n1' })).toBe(false);

    await vi.advanceTimersByTimeAsync(15_000);
    expect(runner.attempts).toBe(2);
    expect(await startBackgroundWorkers()).not.toBeNull();
    expect(await enqueueJob('notifications.deliver', { notificationId: 'n2' })).toBe(true);
    expect(runner.sent).toEqual(['notifications.deliver']);
  });
});
