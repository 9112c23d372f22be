// npm run demo (production build) / npm run dev (`next dev`): the whole portal on one machine with no setup.
// Starts the embedded database (.data/demo/pglite on 54329) and the Stripe emulator (.data/demo/emulator.json on
// 12111, webhooks to the app) unless DATABASE_URL / STRIPE_SECRET_KEY say otherwise, migrates, builds when the
// sources changed, starts Next on PORT (3000), seeds the demo data (idempotent) and prints how to sign in.
// Ctrl-C stops everything and closes PGlite cleanly so the data survives for the next run.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { migrateDatabase } from '../db/migrate';
import { isBuildFresh, recordBuild, sourceFingerprint } from './lib/build-freshness';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './lib/embedded-db';
import { assertPortFree } from './lib/free-port';
import { nextCli, repoRoot, runToCompletion, startEmulatorProcess, startNext, type ManagedProcess } from './lib/processes';

const DEMO_DB_PORT = Number(process.env.DEMO_DB_PORT ?? 54329);
const DEMO_EMULATOR_PORT = Number(process.env.DEMO_EMULATOR_PORT ?? 12111);
const EMULATOR_WEBHOOK_SECRET = 'whsec_seikyu_emulator';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? '127.0.0.1';
const dataDir = resolve(repoRoot, process.env.DEMO_DATA_DIR ?? '.data/demo');
const shownDataDir = relative(repoRoot, dataDir) || '.';
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;

let database: EmbeddedDatabase | null = null;
const processes: ManagedProcess[] = [];
let stopping: Promise<void> | null = null;

function stopAll(): Promise<void> {
  stopping ??= (async () => {
    for (const proc of [...processes].reverse()) await proc.stop();
    await database?.close();
  })();
  return stopping;
}

let interrupts = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interrupts += 1;
    if (interrupts > 1) {
      console.log('\nForced exit: the embedded database may not have been closed cleanly.');
      process.exit(130);
    }
    console.log(`\nStopping (the data in ${shownDataDir} is kept)…`);
    void stopAll().then(() => process.exit(0));
  });
}

/** A stable AUTH_SECRET for the demo so sign-ins survive restarts; never used when AUTH_SECRET is set. */
function demoAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  await assertPortFree(port, 'the app, PORT');
  const authSecret = demoAuthSecret();

  let databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    console.log('Database: DATABASE_URL');
  } else {
    await assertPortFree(DEMO_DB_PORT, 'the embedded database');
    database = await startEmbeddedDatabase({ dataDir: join(dataDir, 'pglite'), port: DEMO_DB_PORT });
    databaseUrl = database.url;
    console.log(`Database: embedded PGlite in ${shownDataDir}/pglite, served on ${database.url}`);
  }
  await migrateDatabase(databaseUrl);

  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl,
    APP_URL: appUrl,
    AUTH_SECRET: authSecret,
    AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? 'true',
    // Without SMTP the magic links go to the built-in mailbox, which the demo needs even in production mode.
    DEV_MAILBOX_ENABLED: process.env.DEV_MAILBOX_ENABLED ?? (process.env.SMTP_URL ? '0' : '1'),
  };

  if (process.env.STRIPE_SECRET_KEY) {
    console.log('Stripe: STRIPE_SECRET_KEY (forward webhooks with `stripe listen --forward-to localhost:' + port + '/api/webhooks/stripe`)');
  } else {
    await assertPortFree(DEMO_EMULATOR_PORT, 'the Stripe emulator');
    const emulator = await startEmulatorProcess({
      port: DEMO_EMULATOR_PORT,
      dataFile: join(dataDir, 'emulator.json'),
      webhookUrl: `http://127.0.0.1:${port}/api/webhooks/stripe`,
      webhookSecret: EMULATOR_WEBHOOK_SECRET,
      // v2 thin events (payees' Accounts v2) to their own route, signed with the default thin secret both sides share.
      thinWebhookUrl: `http://127.0.0.1:${port}/api/webhooks/stripe/thin`,
    });
    processes.push(emulator);
    appEnv.STRIPE_EMULATOR_URL = emulator.url;
    console.log(`Stripe: emulator on ${emulator.url}, state in ${shownDataDir}/emulator.json`);
  }

  if (!dev) await buildIfStale(appEnv);
  const app = await startNext({ mode: dev ? 'dev' : 'start', port, hostname, env: appEnv });
  processes.push(app);

  // The seed imports app modules, which read the environment once: give this process the app's environment.
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    APP_URL: appUrl,
    AUTH_SECRET: authSecret,
    ...(appEnv.STRIPE_EMULATOR_URL ? { STRIPE_EMULATOR_URL: appEnv.STRIPE_EMULATOR_URL } : {}),
  });
  const seeded = await seed(databaseUrl, authSecret);

  const line = '─'.repeat(72);
  console.log(`\n${line}`);
  console.log(`Seikyu is running: ${appUrl}`);
  console.log('');
  console.log(`  Sign in as the demo customer: ${seeded.customerEmail}`);
  console.log(`  Sign in as the demo operator: ${seeded.operatorEmail}   (admin pages under ${appUrl}/admin)`);
  console.log(`  Enter the email at ${appUrl}/sign-in, then open the magic link from ${appUrl}/dev/mailbox`);
  console.log('');
  console.log(`  ${seeded.summary}`);
  if (seeded.usageApiKey) {
    console.log('');
    console.log(`  Usage API key (${seeded.usageOrganization}): ${seeded.usageApiKey}`);
    console.log(`  Report an hour of one device (API reference: ${appUrl}/api/v1/openapi.json):`);
    console.log(`    curl -X POST ${appUrl}/api/v1/usage-events -H 'Authorization: Bearer ${seeded.usageApiKey}' -H 'Content-Type: application/json' -d '{"events":[{"meter":"device_hours","value":1,"identifier":"demo-device-1-'$(date -u +%Y-%m-%dT%H)'"}]}'`);
  }
  console.log(`  Data lives in ${shownDataDir} (delete it to start over). Ctrl-C stops everything.`);
  console.log(line);

  const exited = await Promise.race(processes.map((p) => p.exited.then((code) => ({ name: p.name, code }))));
  if (!stopping) {
    console.error(`${exited.name} exited unexpectedly (${exited.code}); stopping.`);
    await stopAll();
    process.exit(1);
  }
}

async function buildIfStale(appEnv: NodeJS.ProcessEnv): Promise<void> {
  if (isBuildFresh(repoRoot)) {
    console.log('Build: .next is up to date with the sources.');
    return;
  }
  console.log('Build: running `next build` (the sources changed since the last build; takes a few minutes on first run)…');
  const fingerprint = sourceFingerprint(repoRoot);
  const code = await runToCompletion(process.execPath, [nextCli, 'build'], { ...appEnv, NODE_ENV: 'production' });
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
  recordBuild(repoRoot, fingerprint);
}

async function seed(
  databaseUrl: string,
  secret: string,
): Promise<{ customerEmail: string; operatorEmail: string; summary: string; usageApiKey: string | null; usageOrganization: string }> {
  const [{ createStripeClient }, seedModule, { createDb }, { ensureDemoUsageApiKey }, { seedDemoUsageHistory }] = await Promise.all([
    import('@/lib/stripe/client'),
    import('@/lib/demo/seed'),
    import('@/db'),
    import('@/lib/demo/usage-key'),
    import('@/lib/demo/usage-history'),
  ]);
  const db = createDb(databaseUrl, { max: 2 });
  try {
    const result = await seedModule.seedDemo({ db, stripe: createStripeClient(), log: (m) => console.log(`[seed] ${m}`) });
    // The demo customer's organization (Demo Corp) gets a usage API key, printed on every start.
    const customerOrganization = result.organizations[0]!;
    const usageApiKey = await ensureDemoUsageApiKey(db, { organizationId: customerOrganization.id, secret });
    // And a month of usage, so its usage page has days to show (new days only on a later start).
    await seedDemoUsageHistory(db, { organizationId: customerOrganization.id, now: new Date() });
    return {
      usageApiKey,
      usageOrganization: customerOrganization.name,
      customerEmail: seedModule.DEMO_CUSTOMER_EMAIL,
      operatorEmail: seedModule.DEMO_OPERATOR_EMAIL,
      summary: result.created.length
        ? `Seeded ${result.created.length} demo objects (${result.organizations.map((o) => o.name).join(', ')}).`
        : `Demo data already present (${result.organizations.map((o) => o.name).join(', ')}); nothing added.`,
    };
  } finally {
    await db.$close();
  }
}

main().catch(async (error: unknown) => {
  console.error(`\nnpm run demo failed: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll();
  process.exit(1);
});
