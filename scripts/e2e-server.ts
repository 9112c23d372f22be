// Playwright's webServer: everything the e2e tests run against, on its own ports and data dirs, so it never
// touches the demo's data. Starts a fresh embedded database (migrated), the Stripe emulator in memory with its
// webhook pointed at the app (or a Stripe test account when STRIPE_SECRET_KEY is set: docs/real-stripe.md), seeds the catalogue, then `next start` on E2E_PORT (3100). Needs a build in .next
// (`npm test` builds first). SIGTERM/SIGINT stop everything and delete the data dir.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { migrateDatabase } from '../db/migrate';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './lib/embedded-db';
import { findFreePort } from './lib/free-port';
import { hasNextBuild, repoRoot, startEmulatorProcess, startNext, type ManagedProcess } from './lib/processes';

const WEBHOOK_SECRET = 'whsec_seikyu_emulator';
const E2E_OPERATOR_EMAIL = 'operator@e2e.seikyu.test';
const E2E_SUPPORT_EMAIL = 'support@e2e.seikyu.test';

const appPort = Number(process.env.E2E_PORT ?? 3100);
// `localhost`, not 127.0.0.1: Next reports its own origin as http://localhost:<port> when bound to 127.0.0.1, and
// next-auth redirects to that origin after sign-in; the browser must already be on it to keep its cookies.
const appUrl = `http://localhost:${appPort}`;
/** Server-to-server (emulator → webhook route): no name resolution involved. */
const appLoopbackUrl = `http://127.0.0.1:${appPort}`;
const dataDir = join(repoRoot, '.data', `e2e-${process.pid}`);

let database: EmbeddedDatabase | null = null;
const processes: ManagedProcess[] = [];
let stopping: Promise<void> | null = null;

function stopAll(): Promise<void> {
  stopping ??= (async () => {
    for (const proc of [...processes].reverse()) await proc.stop();
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  })();
  return stopping;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void stopAll().then(() => process.exit(0));
  });
}

/** The real Stripe test keys when STRIPE_SECRET_KEY is set; refuses live keys and incomplete settings. */
function realStripeKeys(): { secretKey: string; publishableKey: string; webhookSecret: string } | null {
  const secretKey = process.env.STRIPE_SECRET_KEY;
  if (!secretKey) return null;
  const publishableKey = process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY ?? '';
  const webhookSecret = process.env.STRIPE_WEBHOOK_SECRET ?? '';
  if (!secretKey.startsWith('sk_test_')) throw new Error('e2e against Stripe needs a test-mode secret key (sk_test_…), never a live one.');
  if (!publishableKey.startsWith('pk_test_')) throw new Error('e2e against Stripe needs NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=pk_test_… as well.');
  if (!webhookSecret.startsWith('whsec_')) {
    throw new Error(`e2e against Stripe needs STRIPE_WEBHOOK_SECRET from \`stripe listen --forward-to localhost:${appPort}/api/webhooks/stripe\`.`);
  }
  return { secretKey, publishableKey, webhookSecret };
}

async function main(): Promise<void> {
  if (!hasNextBuild()) {
    throw new Error('e2e needs a production build: run `npx next build` first (`npm test` builds before running e2e).');
  }
  mkdirSync(dataDir, { recursive: true });
  database = await startEmbeddedDatabase({ dataDir: join(dataDir, 'pglite'), port: await findFreePort() });
  await migrateDatabase(database.url);
  console.log(`[e2e] database ${database.url} (migrated)`);

  // A Stripe test account instead of the emulator when STRIPE_SECRET_KEY is set (docs/real-stripe.md): its
  // publishable key and the webhook secret `stripe listen --forward-to localhost:<E2E_PORT>/api/webhooks/stripe`
  // printed must be set too. Specs that drive the emulator's /_emulator controls are left out (playwright.config.ts).
  const realStripe = realStripeKeys();
  let stripeEnv: Record<string, string>;
  if (realStripe) {
    stripeEnv = {
      STRIPE_SECRET_KEY: realStripe.secretKey,
      NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: realStripe.publishableKey,
      STRIPE_WEBHOOK_SECRET: realStripe.webhookSecret,
      // From `stripe listen --forward-thin-to …/api/webhooks/stripe/thin` (docs/real-stripe.md); payees' status follows it.
      ...(process.env.STRIPE_THIN_WEBHOOK_SECRET ? { STRIPE_THIN_WEBHOOK_SECRET: process.env.STRIPE_THIN_WEBHOOK_SECRET } : {}),
    };
    console.log('[e2e] Stripe test account (STRIPE_SECRET_KEY); webhooks come through `stripe listen`');
  } else {
    const emulator = await startEmulatorProcess({
      port: await findFreePort(),
      webhookUrl: `${appLoopbackUrl}/api/webhooks/stripe`,
      webhookSecret: WEBHOOK_SECRET,
      thinWebhookUrl: `${appLoopbackUrl}/api/webhooks/stripe/thin`,
      echo: false,
    });
    processes.push(emulator);
    stripeEnv = { STRIPE_EMULATOR_URL: emulator.url };
    console.log(`[e2e] Stripe emulator ${emulator.url}`);
  }

  const appEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: database.url,
    ...stripeEnv,
    APP_URL: appUrl,
    AUTH_URL: appUrl,
    AUTH_SECRET: randomBytes(32).toString('hex'),
    AUTH_TRUST_HOST: 'true',
    OPERATOR_EMAILS: E2E_OPERATOR_EMAIL,
    OPERATOR_SUPPORT_EMAILS: E2E_SUPPORT_EMAIL,
    DEV_MAILBOX_ENABLED: '1',
  };

  // The app's modules read the environment once at import: set it before importing the seed.
  Object.assign(process.env, { DATABASE_URL: database.url, APP_URL: appUrl, ...stripeEnv });
  await seedCatalogue(database.url);

  const app = await startNext({ mode: 'start', port: appPort, env: appEnv, echo: process.env.E2E_APP_LOG === '1' });
  processes.push(app);
  console.log(`[e2e] app ${appUrl} ready (listening on ${app.url})`);
}

async function seedCatalogue(databaseUrl: string): Promise<void> {
  const [{ createStripeClient }, { seedCatalog }, { syncStripeCatalog }, { createDb }] = await Promise.all([
    import('@/lib/stripe/client'),
    import('@/lib/demo/seed-catalog'),
    import('@/lib/stripe-sync'),
    import('@/db'),
  ]);
  const stripe = createStripeClient();
  const db = createDb(databaseUrl, { max: 2 });
  try {
    await seedCatalog(stripe, (line) => console.log(`[e2e] ${line}`));
    // Mirror it now so the first page view sees the plans without waiting for webhooks.
    await syncStripeCatalog(db, { stripe });
  } finally {
    await db.$close();
  }
}

main().catch(async (error: unknown) => {
  console.error(`[e2e] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll();
  process.exit(1);
});
