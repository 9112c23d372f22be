// npm run worker — the background job runner alone (lib/jobs: scheduled scans, email delivery, webhook
// retries), for deployments that keep it out of the web servers (set JOBS_IN_APP=0 on those). Any number may
// run beside app servers that also run one: pg-boss hands each job to one runner. Applies the migrations first.
import { migrateDatabase } from '@/db/migrate';
import { env } from '@/lib/env';
import { startJobRunner } from '@/lib/jobs/runner';

async function main(): Promise<void> {
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set: the worker needs the database the app servers use');
  await migrateDatabase(env.DATABASE_URL);
  const runner = await startJobRunner({ databaseUrl: env.DATABASE_URL, pollingIntervalSeconds: env.JOBS_POLL_SECONDS });
  console.log('[worker] job runner started; Ctrl-C stops it after the running jobs finish');
  const stop = async () => {
    await runner.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error('[worker]', error);
  process.exit(1);
});
