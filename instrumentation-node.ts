// Start-up work of a Node.js app server: apply the committed migrations (advisory-locked, so several servers
// starting at once are safe), then start the background job runner (pg-boss, lib/jobs). A server that cannot migrate exits instead
// of serving pages against the wrong schema.
import { migrateDatabase } from '@/db/migrate';
import { env } from '@/lib/env';
import { startBackgroundWorkers } from '@/lib/jobs';

export async function startNodeServer(): Promise<void> {
  if (env.DATABASE_URL) {
    try {
      await migrateDatabase(env.DATABASE_URL);
    } catch (error) {
      console.error('[seikyu] applying database migrations failed; refusing to start:', error);
      process.exit(1);
    }
  }
  // A deployment may run the job runner in its own process instead (`npm run worker`, JOBS_IN_APP=0).
  if (env.JOBS_IN_APP) await startBackgroundWorkers();
}
