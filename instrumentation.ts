// Next.js start-up hook (runs once per server process). On the Node.js runtime: apply the committed migrations
// (advisory-locked, so several servers starting at once are safe), then start the background workers.
// A server that cannot migrate exits instead of serving pages against the wrong schema.
//
// NEXT_RUNTIME and NEXT_PHASE are Next's own variables (not configuration), read here because the Node-only
// modules must not even be imported on the edge runtime or while `next build` collects pages.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;

  const { env } = await import('@/lib/env');
  if (env.DATABASE_URL) {
    const { migrateDatabase } = await import('@/db/migrate');
    try {
      await migrateDatabase(env.DATABASE_URL);
    } catch (error) {
      console.error('[seikyu] applying database migrations failed; refusing to start:', error);
      process.exit(1);
    }
  }
  const { startBackgroundWorkers } = await import('@/lib/jobs');
  startBackgroundWorkers();
}
