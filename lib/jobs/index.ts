// Background work inside each app server: an interval that claims due webhook events from the ledger and
// processes them. Claims use FOR UPDATE SKIP LOCKED, so any number of servers can run it side by side.
import { env } from '@/lib/env';
import { processPendingEvents } from '@/lib/webhooks/process';

export { processPendingEvents };

const INTERVAL_MS = 5_000;

type WorkerState = { timer: ReturnType<typeof setInterval>; running: boolean };
const globalForJobs = globalThis as unknown as { __seikyuJobs?: WorkerState };

/** Starts the workers once per process (idempotent: hot reload and repeated calls do not stack intervals). */
export function startBackgroundWorkers(options: { intervalMs?: number } = {}): void {
  if (globalForJobs.__seikyuJobs) return;
  if (!env.DATABASE_URL) {
    console.warn('[jobs] DATABASE_URL is not set: background workers (webhook retries) are not started');
    return;
  }
  const state: WorkerState = {
    running: false,
    timer: setInterval(() => {
      if (state.running) return; // a slow run is never overlapped by the next tick
      state.running = true;
      processPendingEvents()
        .then((result) => {
          if (result.claimed > 0) {
            console.info(`[jobs] webhook events: ${result.processed} processed, ${result.ignored} ignored, ${result.failed} failed`);
          }
        })
        .catch((error: unknown) => console.error(`[jobs] webhook retry run failed: ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => {
          state.running = false;
        });
    }, options.intervalMs ?? INTERVAL_MS),
  };
  // Never keep a process alive just for retries (scripts, tests).
  state.timer.unref?.();
  globalForJobs.__seikyuJobs = state;
}

export function stopBackgroundWorkers(): void {
  const state = globalForJobs.__seikyuJobs;
  if (!state) return;
  clearInterval(state.timer);
  globalForJobs.__seikyuJobs = undefined;
}
