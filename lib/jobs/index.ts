// Background work of an app server: one pg-boss runner per process (lib/jobs/runner.ts), started once from
// instrumentation-node.ts or by `npm run worker`. Code that wants work done later calls `enqueueJob`: it goes
// through this process's runner when there is one; otherwise the minutely sweeps of whichever runner is
// up pick the work up from its own table (outbox rows, the webhook ledger), so nothing depends on the enqueue.
import type PgBoss from 'pg-boss';
import { env } from '@/lib/env';
import type { JobName } from './definitions';
import { startJobRunner, type JobRunner } from './runner';

export { startJobRunner, type JobRunner } from './runner';
export type { JobName } from './definitions';

const globalForJobs = globalThis as unknown as { __seikyuJobs?: Promise<JobRunner | null>; __seikyuJobsRetry?: NodeJS.Timeout };

/** After a failed start (the database unreachable at boot), the next attempt. Meanwhile the sweeps cover. */
const RESTART_DELAY_MS = 15_000;

/** Starts this process's runner once (idempotent: hot reload and repeated calls share one). */
export function startBackgroundWorkers(): Promise<JobRunner | null> {
  if (globalForJobs.__seikyuJobs) return globalForJobs.__seikyuJobs;
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    console.warn('[jobs] DATABASE_URL is not set: the background job runner is not started');
    return Promise.resolve(null);
  }
  globalForJobs.__seikyuJobs = startJobRunner({ databaseUrl, pollingIntervalSeconds: env.JOBS_POLL_SECONDS }).catch((error: unknown) => {
    console.error(
      `[jobs] the job runner could not start: ${error instanceof Error ? error.message : String(error)}; trying again in ${RESTART_DELAY_MS / 1000} s`,
    );
    globalForJobs.__seikyuJobs = undefined;
    // Without a runner this server would send no job at all until restarted.
    globalForJobs.__seikyuJobsRetry = setTimeout(() => void startBackgroundWorkers(), RESTART_DELAY_MS);
    globalForJobs.__seikyuJobsRetry.unref();
    return null;
  });
  return globalForJobs.__seikyuJobs;
}

export async function stopBackgroundWorkers(): Promise<void> {
  clearTimeout(globalForJobs.__seikyuJobsRetry);
  const runner = await globalForJobs.__seikyuJobs;
  globalForJobs.__seikyuJobs = undefined;
  await runner?.stop();
}

/**
 * Sends a job through this process's runner. Returns false when the process runs none (JOBS_IN_APP=0, scripts,
 * tests): callers only enqueue work whose state is also in its own table, where a sweep finds it.
 */
export async function enqueueJob(name: JobName, data: Record<string, unknown>, options: PgBoss.SendOptions = {}): Promise<boolean> {
  const runner = await globalForJobs.__seikyuJobs;
  if (!runner) return false;
  try {
    await runner.boss.send(name, data, options);
    return true;
  } catch (error) {
    console.error(`[jobs] could not enqueue ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
