// Next.js start-up hook (runs once per server process). On the Node.js runtime it applies the committed
// migrations and starts the background workers (instrumentation-node.ts).
//
// NEXT_RUNTIME and NEXT_PHASE are Next's own variables (not configuration): the Node-only module must not be
// compiled for the edge runtime, nor run while `next build` collects pages.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { startNodeServer } = await import('./instrumentation-node');
    await startNodeServer();
  }
}
