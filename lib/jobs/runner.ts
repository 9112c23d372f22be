// The one background job runner: pg-boss on the app's PostgreSQL (or the embedded database). Every app server
// starts one (instrumentation-node.ts) unless JOBS_IN_APP=0, and `npm run worker` runs one alone. pg-boss
// claims jobs with FOR UPDATE SKIP LOCKED and polls (no LISTEN/NOTIFY, which the embedded database cannot
// share between connections), and its cron schedule sends each slot's job once across all runners, so any
// number of runners share the work without doubles. Job handlers are idempotent: a job that is retried after
// a crash converges instead of repeating its effect (the outbox row decides whether an email was sent).
import PgBoss from 'pg-boss';
import postgres from 'postgres';
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

/** Arbitrary constant naming "Seikyu job runner setup" in pg_locks (db/migrate.ts uses the one before it). */
const RUNNER_SETUP_LOCK_KEY = 7_426_001_914n;

/**
 * Runs `setup` while holding a session advisory lock, so runners starting together (app servers booting at once)
 * set up pg-boss one after another. Done concurrently, creating its schema, queues and schedule deadlocked
 * between them (PostgreSQL chose one to fail), and that server ran without a runner: its jobs were never sent.
 * On the embedded database (one backend session) the lock excludes nothing, and nothing else sets up there at
 * the same time.
 */
async function underSetupLock<T>(databaseUrl: string, setup: () => Promise<T>): Promise<T> {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${RUNNER_SETUP_LOCK_KEY.toString()}::bigint)`;
    try {
      return await setup();
    } finally {
      await client`select pg_advisory_unlock(${RUNNER_SETUP_LOCK_KEY.toString()}::bigint)`;
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}

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
  await underSetupLock(options.databaseUrl, async () => {
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
