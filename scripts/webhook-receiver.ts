// npm run webhook-receiver — Stripe's webhook deliveries received outside Next.js (lib/webhooks/standalone-receiver.ts):
// verified, recorded once and answered, for the job runners to process (run at least one: app servers with
// JOBS_IN_APP, or `npm run worker`). Listens on WEBHOOK_RECEIVER_PORT (3100); the load balancer sends
// /api/webhooks/stripe and /api/webhooks/stripe/thin here (docs/deploying.md). Stops gracefully on SIGTERM:
// deliveries being recorded are answered first.
import { env } from '@/lib/env';
import { createWebhookReceiver } from '@/lib/webhooks/standalone-receiver';

async function main(): Promise<void> {
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set: the receiver records into the database the app servers use');
  const server = createWebhookReceiver();
  await new Promise<void>((resolve) => server.listen(env.WEBHOOK_RECEIVER_PORT, resolve));
  console.log(`[webhook-receiver] listening on port ${env.WEBHOOK_RECEIVER_PORT}`);
  const stop = () => {
    // Every answered delivery was recorded before its answer: once the open requests are answered, nothing is left.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('[webhook-receiver]', error);
  process.exit(1);
});
