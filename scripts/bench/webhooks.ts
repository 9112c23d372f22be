// Benchmark (not a test): Stripe's signed webhook deliveries to the built app's real route under load.
// `npm run bench:webhooks [-- --database postgres]` — needs a production build (`npx next build`).
//
// 1. Creates customers with cards and subscriptions in the Stripe emulator (their organizations exist in the
//    database, so the mirror maps them), which records the events Stripe would send (~7,000 by default).
// 3. Rates (after the storm, so the storm starts on an empty mirror): deliveries signed with the endpoint secret at increasing offered rates (250, 500, 1,000, 2,000/s for
//    a few seconds each; copies of the real events under fresh ids, so each is recorded and processed like a new
//    one): acknowledged (2xx) events per second and p95 of the acknowledgement at each rate.
// 2. Storm: every real event once plus 30 % duplicates (10,000 deliveries by default), shuffled, sent by 50
//    clients as fast as they are answered; the time until every event is processed (the ledger has nothing
//    pending), then the mirror is compared with Stripe, customer by customer (`findCustomerMirrorDrift`) and the
//    catalogue: any difference fails the run. Printed with it: the Stripe reads processing made, by endpoint (the
//    emulator's count), and on PostgreSQL the storm's statements (pg_stat_statements), the most frequent first.
// 0. The ceiling, first: the same route answering deliveries whose signature does not verify (400, nothing
//    recorded, nothing processed), from the same 50 clients: what Next's route runtime, reading the body and
//    checking the HMAC cost per delivery on this machine, before any work of ours. Acknowledgements per second are
//    printed against it, as the page benchmark prints pages against the app's minimal page.
//
// Knobs: --database embedded|postgres, --profile (the app's CPU profile, top functions by self time), WEBHOOK_PROCESSING_CONCURRENCY,
// BENCH_WEBHOOK_PROCESSING=worker (the app only records; a separate worker process drains the ledger),
// BENCH_WEBHOOK_RECEIVER=standalone (deliveries go to `npm run webhook-receiver` instead of the app; processing in a worker),
// BENCH_WORKERS (1; worker processes in worker mode), BENCH_WORKER_PROF_DIR (a directory: the workers write CPU profiles there), BENCH_CEILING_REQUESTS (6000), BENCH_STORM (10000 deliveries), BENCH_DUPLICATES (0.3), BENCH_RATES
// (250,500,1000,2000), BENCH_RATE_SECONDS (3), BENCH_APP_LOG=1.
import { randomBytes } from 'node:crypto';
import { Agent } from 'node:http';
import { mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import Stripe from 'stripe';
import { migrateDatabase } from '../../db/migrate';
import { findFreePort } from '../lib/free-port';
import { hasNextBuild, repoRoot, spawnManaged, startEmulatorProcess, startNext, waitForHttp, type ManagedProcess } from '../lib/processes';
import { seededShuffle } from '../lib/seeded-shuffle';
import { elapsed, runBench, stripeRequestCounts } from './bench-kit';
import { printCpuProfile } from './cpu-profile';
import { databaseKindFrom, startBenchDatabase } from './bench-database';
import { httpRequest, percentile, runLoad } from './http-load';

const { values: args } = parseArgs({ options: { database: { type: 'string', default: 'embedded' }, profile: { type: 'boolean', default: false } } });
const DATABASE_KIND = databaseKindFrom(args.database);
const STORM = Number(process.env.BENCH_STORM ?? 10_000);
const DUPLICATE_SHARE = Number(process.env.BENCH_DUPLICATES ?? 0.3);
const RATES = (process.env.BENCH_RATES ?? '250,500,1000,2000').split(',').map(Number);
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 3);
/** `inline` (the app processes what it records) or `worker` (a separate `npm run worker` does). */
/**
 * `next` (the app's route) or `standalone` (`npm run webhook-receiver`, the receiver outside Next.js, which
 * records only: processing then goes to a worker).
 */
const RECEIVER = process.env.BENCH_WEBHOOK_RECEIVER === 'standalone' ? 'standalone' : 'next';
const PROCESSING = process.env.BENCH_WEBHOOK_PROCESSING === 'worker' || RECEIVER === 'standalone' ? 'worker' : 'inline';
/** `npm run worker` processes draining the ledger in worker mode (each one Node process, so one core at most). */
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const STORM_CLIENTS = 50;
const CONVERGENCE_DEADLINE_MS = 300_000;
const WEBHOOK_SECRET = 'whsec_seikyu_emulator';
const WEBHOOK_PATH = '/api/webhooks/stripe';
/** Wrongly signed deliveries for the ceiling (after a warm-up of the same kind inside the count). */
const CEILING_REQUESTS = Number(process.env.BENCH_CEILING_REQUESTS ?? 6000);

const dataDir = join(repoRoot, '.data', `bench-webhooks-${process.pid}`);
const profileDir = join(repoRoot, '.data', `bench-webhooks-profile-${process.pid}`);
const closers: (() => Promise<void>)[] = [];
const processes: ManagedProcess[] = [];

async function stopAll(): Promise<void> {
  for (const proc of [...processes].reverse()) await proc.stop();
  for (const close of [...closers].reverse()) await close();
  rmSync(dataDir, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stopAll().then(() => process.exit(130)));

function signed(payload: string): Record<string, string> {
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET, timestamp: Math.floor(Date.now() / 1000) });
  return { 'content-type': 'application/json', 'stripe-signature': header };
}

async function deliver(agent: Agent, port: number, payload: string): Promise<string | null> {
  const { status, body } = await httpRequest(agent, port, { path: WEBHOOK_PATH, method: 'POST', headers: signed(payload), body: payload });
  return status >= 200 && status < 300 ? null : `HTTP ${status}: ${body.slice(0, 200)}`;
}

/** Customers (each of an organization in the database) with a card and a monthly subscription, until `events` exist. */
async function createStripeActivity(stripe: Stripe, sql: postgres.Sql, targetEvents: number): Promise<Stripe.Event[]> {
  const tag = randomBytes(3).toString('hex');
  const product = await stripe.products.create({ name: `Bench plan ${tag}` });
  const price = await stripe.prices.create({ product: product.id, currency: 'jpy', unit_amount: 1200, recurring: { interval: 'month' } });
  const createCustomer = async (n: number) => {
    const [org] = await sql<{ id: string }[]>`insert into organizations (id, name, currency) values (gen_random_uuid()::text, ${`Webhook Co ${tag} ${n}`}, 'jpy') returning id`;
    const key = (step: string) => `bench-webhooks:${tag}:${n}:${step}`;
    const customer = await stripe.customers.create({ name: `Webhook Co ${n}`, email: `wh-${n}-${tag}@bench.seikyu.test`, metadata: { organization_id: org!.id } }, { idempotencyKey: key('customer') });
    const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id }, { idempotencyKey: key('card') });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: card.id } }, { idempotencyKey: key('default') });
    const subscription = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] }, { idempotencyKey: key('subscription') });
    await stripe.subscriptions.update(subscription.id, { metadata: { bench: tag } }, { idempotencyKey: key('update') });
  };
  const listEvents = async () => {
    const events: Stripe.Event[] = [];
    for await (const event of stripe.events.list({ limit: 100 })) events.push(event);
    return events;
  };
  let created = 0;
  const batch = async (count: number) => {
    const next = created;
    created += count;
    let k = next;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (k < next + count) await createCustomer(k++);
    }));
  };
  await batch(20);
  const perCustomer = (await listEvents()).length / 20;
  await batch(Math.max(0, Math.ceil(targetEvents / perCustomer) - 20));
  return listEvents();
}

async function main(): Promise<number> {
  if (args.profile) mkdirSync(profileDir, { recursive: true });
  if (!hasNextBuild()) throw new Error('No production build in .next: run `NEXT_TELEMETRY_DISABLED=1 npx next build` first.');
  const t0 = performance.now();
  mkdirSync(dataDir, { recursive: true });
  const database = await startBenchDatabase(DATABASE_KIND, dataDir);
  closers.push(database.close);
  await migrateDatabase(database.url);
  const emulator = await startEmulatorProcess({ port: await findFreePort(), echo: false });
  processes.push(emulator);
  const appPort = await findFreePort();
  const appUrl = `http://localhost:${appPort}`;
  Object.assign(process.env, { DATABASE_URL: database.url, STRIPE_EMULATOR_URL: emulator.url, APP_URL: appUrl });
  delete process.env.STRIPE_SECRET_KEY;
  const { createStripeClient } = await import('@/lib/stripe/client');
  const stripe = createStripeClient();
  const sql = postgres(database.url, { max: 4, onnotice: () => {} });
  closers.push(() => sql.end());

  const uniqueTarget = Math.round(STORM * (1 - DUPLICATE_SHARE));
  const events = await createStripeActivity(stripe, sql, uniqueTarget);
  const customers = [...new Set(events.filter((e) => e.type === 'customer.created').map((e) => (e.data.object as Stripe.Customer).id))];
  console.log(`[bench] ${events.length} events from ${customers.length} customers in the emulator (${elapsed(t0)})`);

  const appEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    STRIPE_EMULATOR_URL: emulator.url,
    APP_URL: appUrl,
    AUTH_SECRET: randomBytes(32).toString('hex'),
    AUTH_TRUST_HOST: 'true',
    ...(process.env.WEBHOOK_PROCESSING_CONCURRENCY ? { WEBHOOK_PROCESSING_CONCURRENCY: process.env.WEBHOOK_PROCESSING_CONCURRENCY } : {}),
    WEBHOOK_PROCESSING: PROCESSING,
    // With processing in a worker, the web server runs no jobs: it only verifies, records and answers.
    JOBS_IN_APP: PROCESSING === 'worker' ? '0' : '1',
  };
  if (PROCESSING === 'worker') {
    for (let n = 1; n <= WORKERS; n++) {
      processes.push(
        spawnManaged({
          name: `worker ${n}`,
          command: process.execPath,
          args: [...(process.env.BENCH_WORKER_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_WORKER_PROF_DIR}`] : []), '--import', 'tsx', '--import', './scripts/lib/server-only-hook.mjs', 'scripts/worker.ts'],
          env: appEnv,
          echo: process.env.BENCH_APP_LOG === '1',
        }),
      );
    }
  }
  const profiling = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  // Deliveries go to the app's route, or to the standalone receiver listening on the same port instead.
  const app =
    RECEIVER === 'next'
      ? await startNext({ mode: 'start', port: appPort, env: appEnv, nodeArgs: profiling, echo: process.env.BENCH_APP_LOG === '1' })
      : spawnManaged({
          name: 'webhook-receiver',
          command: process.execPath,
          args: [...profiling, '--import', 'tsx', '--import', './scripts/lib/server-only-hook.mjs', 'scripts/webhook-receiver.ts'],
          env: { ...appEnv, WEBHOOK_RECEIVER_PORT: String(appPort) },
          echo: process.env.BENCH_APP_LOG === '1',
        });
  processes.push(app);
  if (RECEIVER === 'standalone') await waitForHttp(`${appUrl}/health`, { process: app });
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });

  const pending = async () => {
    const [row] = await sql<{ n: number; failed: number }[]>`
      select count(*) filter (where status in ('pending', 'processing'))::int as n, count(*) filter (where status = 'failed')::int as failed from stripe_events`;
    return row!;
  };
  /** Until nothing is pending, or the deadline: then the figures are still printed, and the run fails. */
  const drain = async (since: number) => {
    for (;;) {
      const state = await pending();
      if (state.n === 0) return state;
      if (performance.now() - since > CONVERGENCE_DEADLINE_MS) return state;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  // The ceiling: real payloads with a signature made with another secret, so the route reads and checks them
  // and answers 400 without touching the database.
  const ceilingPayloads = events.slice(0, 200).map((e) => JSON.stringify(e));
  const wrongSecret = `whsec_${randomBytes(16).toString('hex')}`;
  const ceiling = await runLoad({
    total: CEILING_REQUESTS,
    concurrency: STORM_CLIENTS,
    deadlineMs: 120_000,
    call: async (k) => {
      const payload = ceilingPayloads[k % ceilingPayloads.length]!;
      const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: wrongSecret, timestamp: Math.floor(Date.now() / 1000) });
      const { status } = await httpRequest(agent, appPort, { path: WEBHOOK_PATH, method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': header }, body: payload });
      return status === 400 ? null : `a wrongly signed delivery was answered ${status}, not 400`;
    },
  });

  // The storm: every event once, 30 % of them again, shuffled.
  const duplicates = Math.max(0, STORM - events.length);
  const deliveries = seededShuffle([...events, ...seededShuffle(events, 7).slice(0, duplicates)], 42).map((e) => JSON.stringify(e));
  const stripeCallsBefore = await stripeRequestCounts(emulator.url);
  if (DATABASE_KIND === 'postgres') {
    await sql`create extension if not exists pg_stat_statements`;
    await sql`select pg_stat_statements_reset()`;
  }
  const stormStart = performance.now();
  const storm = await runLoad({ total: deliveries.length, concurrency: STORM_CLIENTS, deadlineMs: CONVERGENCE_DEADLINE_MS, call: (k) => deliver(agent, appPort, deliveries[k]!) });
  const acknowledged = (performance.now() - stormStart) / 1000;
  const finalState = await drain(stormStart);
  const converged = (performance.now() - stormStart) / 1000;
  // Every processed event re-reads its object (and what it needs) from Stripe: the calls per event bound the rate.
  const stripeCallsAfter = await stripeRequestCounts(emulator.url);
  const stripeCalls = stripeCallsAfter.count - stripeCallsBefore.count;
  const stripeEndpoints = Object.entries(stripeCallsAfter.byEndpoint)
    .map(([endpoint, n]) => [endpoint, n - (stripeCallsBefore.byEndpoint[endpoint] ?? 0)] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);

  // What the storm cost the database, statement by statement (before the drift check reads anything).
  const statements =
    DATABASE_KIND === 'postgres'
      ? await sql<{ query: string; calls: number; ms: number }[]>`
          select regexp_replace(query, '\\s+', ' ', 'g') as query, calls::int, total_exec_time::float as ms from pg_stat_statements
          where query not ilike '%pgboss%' and query not ilike '%pg_stat_statements%' and calls > 0 order by calls desc`
      : [];

  const [jobStatements] =
    DATABASE_KIND === 'postgres'
      ? await sql<{ calls: number; ms: number }[]>`
          select coalesce(sum(calls), 0)::int as calls, coalesce(sum(total_exec_time), 0)::float as ms from pg_stat_statements where query ilike '%pgboss%'`
      : [];

  // Equal to Stripe: each customer's mirror and the catalogue against fresh reads.
  const { findCustomerMirrorDrift, findCatalogMirrorDrift } = await import('@/lib/stripe-sync');
  const drift = [...(await findCatalogMirrorDrift({ stripe }))];
  for (const customerId of customers) drift.push(...(await findCustomerMirrorDrift(customerId, { stripe })));
  const [ledger] = await sql<{ events: number; processed: number }[]>`
    select count(*)::int as events, count(*) filter (where status in ('processed', 'ignored'))::int as processed from stripe_events where id not like 'evt_bench_rate_%'`;


  // Rates: copies of real customer and subscription events under fresh ids, offered open-loop.
  const templates = events.filter((e) => e.type === 'customer.updated' || e.type === 'customer.subscription.updated');
  const rateRows: { offered: number; sent: number; acked: number; perSecond: number; p95: number; failures: string[] }[] = [];
  let copy = 0;
  for (const rate of RATES) {
    const total = rate * RATE_SECONDS;
    const latencies: number[] = [];
    const failures: string[] = [];
    const started = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let k = 0; k < total; k++) {
      const due = started + (k * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const template = templates[k % templates.length]!;
      const payload = JSON.stringify({ ...template, id: `evt_bench_rate_${copy++}` });
      const t = performance.now();
      inFlight.push(
        deliver(agent, appPort, payload)
          .then((failure) => (failure ? failures.push(failure) : latencies.push(performance.now() - t)))
          .catch((error: unknown) => failures.push(String(error)))
          .then(() => undefined),
      );
    }
    await Promise.all(inFlight);
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    rateRows.push({ offered: rate, sent: total, acked: latencies.length, perSecond: latencies.length / seconds, p95: percentile(latencies, 95), failures });
    await drain(performance.now());
  }

  agent.destroy();

  console.log('');
  console.log(`${DATABASE_KIND}; received by ${RECEIVER === 'next' ? "the app's route" : 'the standalone receiver'}; processing ${PROCESSING === 'worker' ? `in ${WORKERS} worker${WORKERS === 1 ? '' : 's'}` : 'inline'}; ${cpus().length} CPUs, load average before the run ${load}`);
  console.log(
    `Ceiling: the route answering ${ceiling.requests} wrongly signed deliveries (400, nothing recorded) from ${STORM_CLIENTS} clients: ` +
      `${ceiling.perSecond.toFixed(0)}/s, p95 ${ceiling.p95.toFixed(0)} ms`,
  );
  console.log('| offered events/s | sent | acknowledged | acknowledged/s | of ceiling | p95 ms |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rateRows) {
    console.log(`| ${r.offered} | ${r.sent} | ${r.acked} | ${r.perSecond.toFixed(0)} | ${((100 * r.perSecond) / ceiling.perSecond).toFixed(0)} % | ${r.p95.toFixed(0)} |`);
  }
  console.log('');
  console.log(
    `Storm: ${deliveries.length} deliveries (${events.length} events, ${duplicates} duplicates), shuffled, ${STORM_CLIENTS} clients: ` +
      `acknowledged in ${acknowledged.toFixed(1)} s (${storm.perSecond.toFixed(0)}/s, ${((100 * storm.perSecond) / ceiling.perSecond).toFixed(0)} % of the ceiling, p95 ${storm.p95.toFixed(0)} ms); ` +
      `${finalState.n === 0 ? `every event processed after ${converged.toFixed(1)} s` : `${finalState.n} still pending after ${converged.toFixed(1)} s`}; ledger ${ledger!.events} events, ${ledger!.processed} processed, ${finalState.failed} failed; ` +
      `mirror differences from Stripe: ${drift.length}; ` +
      `Stripe calls while processing: ${stripeCalls} (${(stripeCalls / events.length).toFixed(2)} per event)`,
  );
  console.log(`\nStripe calls while processing, by endpoint: ${stripeEndpoints.map(([endpoint, n]) => `${endpoint} ${n} (${(n / events.length).toFixed(2)} per event)`).join('; ')}`);
  if (statements.length > 0) {
    const calls = statements.reduce((n, s) => n + s.calls, 0);
    const ms = statements.reduce((n, s) => n + s.ms, 0);
    console.log(
      `\nThe storm's statements (pg_stat_statements): ${calls} (${(calls / events.length).toFixed(1)} per event), ${(ms / 1000).toFixed(1)} s executing; ` +
        `besides, the job queue's (pg-boss): ${jobStatements?.calls ?? 0} (${((jobStatements?.calls ?? 0) / events.length).toFixed(1)} per event), ${((jobStatements?.ms ?? 0) / 1000).toFixed(1)} s; the most frequent of ours:`,
    );
    console.log('| calls | per event | ms | statement |');
    console.log('| ---: | ---: | ---: | --- |');
    for (const s of statements.slice(0, 15)) {
      console.log(`| ${s.calls} | ${(s.calls / events.length).toFixed(2)} | ${s.ms.toFixed(0)} | \`${s.query.slice(0, 110)}\` |`);
    }
  }
  const problems = [
    ...rateRows.flatMap((r) => r.failures.slice(0, 3).map((f) => `rate ${r.offered}/s: ${f}`)),
    ...storm.failures.slice(0, 3).map((f) => `storm: ${f}`),
    ...ceiling.failures.slice(0, 3).map((f) => `ceiling: ${f}`),
    ...(ledger!.events !== events.length ? [`the ledger holds ${ledger!.events} events, Stripe sent ${events.length}`] : []),
    ...(finalState.failed > 0 ? [`${finalState.failed} events failed`] : []),
    ...(finalState.n > 0 ? [`${finalState.n} events still pending ${CONVERGENCE_DEADLINE_MS / 1000} s after the storm began`] : []),
    ...drift.slice(0, 5).map((d) => `drift: ${JSON.stringify(d)}`),
  ];
  if (args.profile) {
    // The profile is written when the app exits.
    await app.stop();
    printCpuProfile(profileDir);
  }
  for (const p of problems) console.error(`[bench] FAIL ${p}`);
  console.log(`[bench] ${problems.length > 0 ? 'failed' : 'done'} in ${elapsed(t0)}`);
  return problems.length > 0 ? 1 : 0;
}

runBench(main, stopAll);
