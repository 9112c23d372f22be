// The one background job runner: pg-boss on the app's PostgreSQL (or the embedded database). Every app server
// starts one (instrumentation-node.ts) unless JOBS_IN_APP=0, and `npm run worker` runs one alone. pg-boss
// claims jobs with FOR UPDATE SKIP LOCKED and polls (no LISTEN/NOTIFY, which the embedded database cannot
// share between connections), and its cron schedule sends each slot's job once across all runners, so any
// number of runners share the work without doubles. Job handlers are idempotent: a job that is retried after
// a crash converges instead of repeating its effect (the outbox row decides whether an email was sent).
import PgBoss from 'pg-boss';
import { SESSION_LOCK_KEYS, withSessionAdvisoryLock } from '@/db/session-lock';
import { env } from '@/lib/env';
import { startWebhookDrain } from '@/lib/webhooks/drain';
import { JOB_DEFINITIONS, type JobName } from './definitions';

export type JobRunner = {
  boss: PgBoss;
  stop(): Promise<void>;
};

export type StartJobRunnerOptions = {
  databaseUrl: string;
  /** Seconds between polls for new jobs per queue (default 2). */
  pollingIntervalSeconds?: number;
  /** Whether this runner installs the cron schedule (default true; every runner may, pg-boss keeps one copy). */
  schedule?: boolean;
  /** Queues this runner works; default all. Tests start runners that only work some queues. */
  queues?: readonly JobName[];
  /** Pool size of the runner's own connections (default 3). */
  max?: number;
  /** Whether this runner drains recorded webhook events as they arrive (default: WEBHOOK_PROCESSING=worker). */
  drainWebhooks?: boolean;
};

/** Starts a runner: creates pg-boss's schema if needed, the queues, the cron schedule, and the workers. */
export async function startJobRunner(options: StartJobRunnerOptions): Promise<JobRunner> {
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: 'pgboss',
    max: options.max ?? 3,
    application_name: 'seikyu-jobs',
    // The cron monitor checks each 30 s whether a minute slot is due; one runner sends it (pg-boss's clock lock).
    cronMonitorIntervalSeconds: 30,
  });
  boss.on('error', (error: Error) => console.error(`[jobs] ${error.message}`));
  const names = options.queues ?? (Object.keys(JOB_DEFINITIONS) as JobName[]);
  // One runner at a time sets pg-boss up (schema, queues, schedule): runners starting together (app servers
  // booting at once) deadlocked there, PostgreSQL failed one, and that server ran without a runner, its jobs
  // never sent.
  await withSessionAdvisoryLock(options.databaseUrl, SESSION_LOCK_KEYS.jobRunnerSetup, async () => {
    await boss.start();
    for (const name of names) {
      const definition = JOB_DEFINITIONS[name];
      await boss.createQueue(name, { name, policy: 'standard', ...definition.queue });
      if (options.schedule !== false && definition.cron) await boss.schedule(name, definition.cron, {}, { tz: 'UTC' });
    }
  });
  for (const name of names) {
    const definition = JOB_DEFINITIONS[name];
    await boss.work<Record<string, unknown>>(name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) await definition.run(job.data ?? {});
    });
  }
  const drain = (options.drainWebhooks ?? env.WEBHOOK_PROCESSING === 'worker') ? startWebhookDrain({ concurrency: env.WEBHOOK_PROCESSING_CONCURRENCY }) : null;
  return {
    boss,
    async stop() {
      await drain?.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
