// Benchmark (not a test): the usage API's ingestion and the reporting to Stripe that follows.
// `npm run bench:usage` (both databases) or `npm run bench:usage -- --database postgres|embedded`. Needs a
// production build (`npx next build`). Loopback only; bounded in requests and time.
//
// Per database: starts it (the embedded PGlite in a fresh data dir, or a throwaway PostgreSQL cluster with
// fsync and synchronous commit on, so 202 means on disk), migrates, starts the emulator, seeds and mirrors the
// catalogue, gives BENCH_CUSTOMERS organizations a Stripe customer and the metered on-demand plan and a usage API
// key, then starts `next start` (JOBS_IN_APP=0: the bench runs the reporter itself, to count its calls) and has
// BENCH_CLIENTS concurrent clients post BENCH_BATCHES batches of 1,000 events over keep-alive HTTP. Prints accepted
// events/s, p50/p99 per batch and the app server's memory; checks a repeated batch is all duplicates; then runs
// the reporter and prints the Stripe calls it made (at most one per customer·meter·hour window) and checks that
// Stripe's sums equal the accepted sums. Exits non-zero on any refusal, shortfall or mismatch.
//
// The emulator cannot backdate a subscription, so the bench moves the mirrored subscriptions' start two days
// back in SQL: their windows then hold two days of closed hours to report, as a running customer's would.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrateDatabase } from '../../db/migrate';
import { startEmbeddedDatabase } from '../lib/embedded-db';
import { findFreePort } from '../lib/free-port';
import { hasNextBuild, repoRoot, runToCompletion, startEmulatorProcess, startNext, tsxCli, type ManagedProcess } from '../lib/processes';
import { startThrowawayPostgres } from '../lib/throwaway-postgres';
import { elapsed, intFromEnv, percentile, runBench, seedCatalogue, stripeRequestCount } from './bench-kit';

const CLIENTS = intFromEnv('BENCH_CLIENTS', 8, 1, 64);
const BATCHES = intFromEnv('BENCH_BATCHES', 240, 1, 100_000);
const CUSTOMERS = intFromEnv('BENCH_CUSTOMERS', 4, 1, 100);
const EVENTS_PER_BATCH = 1_000;
const WARMUP_BATCHES = 4;
const HISTORY_HOURS = 48;
const HOUR = 3_600_000;
const RUN_DEADLINE_MS = 300_000;
const METER = 'device_hours';

type Kind = 'postgres' | 'embedded';
type Customer = { organizationId: string; customerId: string; key: string; name: string };
type Result = {
  kind: Kind;
  events: number;
  seconds: number;
  p50: number;
  p99: number;
  rssMb: number;
  peakRssMb: number;
  windows: number;
  stripeCalls: number;
  reportSeconds: number;
  failures: string[];
};

/** The database asked for, or null for both (each then runs in its own process: the app modules read the environment once). */
function kindFromArgs(): Kind | null {
  const i = process.argv.indexOf('--database');
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  if (value === undefined) return null;
  if (value === 'postgres' || value === 'embedded') return value;
  throw new Error(`--database must be postgres or embedded (got ${value})`);
}


const cleanups: (() => Promise<void>)[] = [];
async function cleanUp(): Promise<void> {
  while (cleanups.length > 0) await cleanups.pop()!().catch(() => {});
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void cleanUp().then(() => process.exit(130));
  });
}

/** Customers with the metered plan in the emulator, mirrored, started HISTORY_HOURS ago (see the header), with keys. */
async function seedCustomers(databaseUrl: string): Promise<Customer[]> {
  const [{ createStripeClient }, { LOOKUP_KEYS }, { syncStripeCustomer }, { createDb }, { insertOrganization, setOrganizationStripeCustomer }, { insertApiKey }, { generateApiKey }] =
    await Promise.all([
      import('@/lib/stripe/client'),
      import('@/lib/demo/catalog'),
      import('@/lib/stripe-sync'),
      import('@/db'),
      import('@/db/queries/organizations'),
      import('@/db/queries/api-keys'),
      import('@/lib/usage/api-key-format'),
    ]);
  const stripe = createStripeClient();
  const db = createDb(databaseUrl, { max: 2 });
  try {
    const prices = await stripe.prices.list({ lookup_keys: [LOOKUP_KEYS.onDemandDeviceHours] });
    const price = prices.data[0];
    if (!price) throw new Error(`the seeded catalogue has no ${LOOKUP_KEYS.onDemandDeviceHours} price`);
    const customers: Customer[] = [];
    for (let i = 1; i <= CUSTOMERS; i++) {
      const name = `Usage Bench ${i}`;
      const organization = await insertOrganization({ name, currency: 'jpy', billingEmail: `usage-${i}@bench.seikyu.test` }, db);
      const customer = await stripe.customers.create({ name, email: organization.billingEmail!, metadata: { organization_id: organization.id } });
      await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], currency: 'jpy', metadata: { organization_id: organization.id } });
      await setOrganizationStripeCustomer({ organizationId: organization.id, stripeCustomerId: customer.id }, db);
      await syncStripeCustomer(customer.id, db, { stripe });
      const generated = generateApiKey();
      await insertApiKey({ organizationId: organization.id, name: 'bench', prefix: generated.prefix, keyHash: generated.keyHash, createdByUserId: null }, db);
      customers.push({ organizationId: organization.id, customerId: customer.id, key: generated.key, name });
    }
    const shift = HISTORY_HOURS * 3600;
    await db.execute(sql`
      update stripe_subscriptions set stripe_created = stripe_created - make_interval(secs => ${shift}),
        data = data || jsonb_build_object('start_date', (data->>'start_date')::bigint - ${shift}, 'billing_cycle_anchor', (data->>'billing_cycle_anchor')::bigint - ${shift})`);
    return customers;
  } finally {
    await db.$close();
  }
}

function post(agent: Agent, port: number, path: string, key: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'POST', agent, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The app server's resident memory now and at its peak (Linux /proc). */
function memoryOf(pid: number | undefined): { rssMb: number; peakRssMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 'NaN');
    return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: Number.NaN, peakRssMb: Number.NaN };
  }
}

/** Batches of 1,000 events spread over the last HISTORY_HOURS, values in quarters, built before the clock starts. */
function buildBatches(customers: Customer[], count: number, tag: string): { customer: Customer; body: string; sum: number }[] {
  const now = Date.now();
  const from = now - HISTORY_HOURS * HOUR + 60_000;
  return Array.from({ length: count }, (_, b) => {
    const customer = customers[b % customers.length]!;
    let sum = 0;
    const events = Array.from({ length: EVENTS_PER_BATCH }, (_, i) => {
      const value = (1 + ((b * 7 + i) % 8)) / 4;
      sum += value;
      return { meter: METER, value, timestamp: Math.floor((from + Math.random() * (now - 120_000 - from)) / 1000), identifier: `${tag}-${b}-${i}` };
    });
    return { customer, body: JSON.stringify({ events }), sum };
  });
}

async function runOne(kind: Kind): Promise<Result> {
  const t0 = performance.now();
  const failures: string[] = [];
  const dataDir = join(repoRoot, '.data', `bench-usage-${process.pid}`);
  let databaseUrl: string;
  if (kind === 'embedded') {
    mkdirSync(dataDir, { recursive: true });
    const database = await startEmbeddedDatabase({ dataDir: join(dataDir, 'pglite'), port: await findFreePort() });
    cleanups.push(async () => {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    databaseUrl = database.url;
  } else {
    const cluster = await startThrowawayPostgres({ durable: true });
    cleanups.push(() => cluster.close());
    databaseUrl = cluster.url;
  }
  await migrateDatabase(databaseUrl);
  const emulator = await startEmulatorProcess({ port: await findFreePort(), echo: false });
  cleanups.push(() => emulator.stop());
  const appPort = await findFreePort();
  const appUrl = `http://localhost:${appPort}`;
  Object.assign(process.env, { DATABASE_URL: databaseUrl, STRIPE_EMULATOR_URL: emulator.url, APP_URL: appUrl });
  delete process.env.STRIPE_SECRET_KEY;
  await seedCatalogue(databaseUrl);
  const customers = await seedCustomers(databaseUrl);
  console.log(`[bench ${kind}] database ready, catalogue and ${customers.length} metered customers seeded (${elapsed(t0)})`);

  const app: ManagedProcess = await startNext({
    mode: 'start',
    port: appPort,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      STRIPE_EMULATOR_URL: emulator.url,
      APP_URL: appUrl,
      AUTH_SECRET: 'bench-only-secret-0000000000000000',
      JOBS_IN_APP: '0',
      USAGE_API_RATE_LIMIT: '100000',
    },
    echo: process.env.BENCH_APP_LOG === '1',
  });
  cleanups.push(() => app.stop());

  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const warmup = buildBatches(customers, WARMUP_BATCHES, 'warmup');
  for (const batch of warmup) await post(agent, appPort, '/api/v1/usage-events', batch.customer.key, batch.body);
  const batches = buildBatches(customers, BATCHES, 'run');
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`[bench ${kind}] app on ${appUrl}; ${CLIENTS} clients posting ${BATCHES} batches of ${EVENTS_PER_BATCH} events; load average ${load}`);

  const latencies: number[] = [];
  let next = 0;
  let accepted = 0;
  const deadline = performance.now() + RUN_DEADLINE_MS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < batches.length && performance.now() < deadline) {
        const batch = batches[next++]!;
        const t = performance.now();
        try {
          const response = await post(agent, appPort, '/api/v1/usage-events', batch.customer.key, batch.body);
          latencies.push(performance.now() - t);
          if (response.status !== 202) failures.push(`HTTP ${response.status}: ${response.body.slice(0, 200)}`);
          else accepted += (JSON.parse(response.body) as { accepted: number }).accepted;
        } catch (error) {
          failures.push(error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const memory = memoryOf(app.child.pid);
  if (next < batches.length) failures.push(`stopped after ${RUN_DEADLINE_MS / 1000}s with ${batches.length - next} batches left`);
  if (accepted !== next * EVENTS_PER_BATCH) failures.push(`${next * EVENTS_PER_BATCH} events sent, ${accepted} accepted`);

  // A batch sent again is stored again as nothing: all duplicates.
  const again = await post(agent, appPort, '/api/v1/usage-events', batches[0]!.customer.key, batches[0]!.body);
  if (again.body !== JSON.stringify({ accepted: 0, duplicates: EVENTS_PER_BATCH })) failures.push(`a repeated batch answered ${again.status} ${again.body}`);
  agent.destroy();

  // Reporting: the job's function, in this process, against the same database and emulator.
  const [{ reportUsage }, { createStripeClient }, { createDb }, { usageTotal }] = await Promise.all([
    import('@/lib/usage/report-usage'),
    import('@/lib/stripe/client'),
    import('@/db'),
    import('@/db/queries/usage-events'),
  ]);
  const stripe = createStripeClient();
  const callsBefore = await stripeRequestCount(emulator.url);
  const reportStarted = performance.now();
  const report = await reportUsage({ stripe });
  const reportSeconds = (performance.now() - reportStarted) / 1000;
  const stripeCalls = (await stripeRequestCount(emulator.url)) - callsBefore;
  if (report.failed > 0) failures.push(`${report.failed} windows failed to report`);
  if (stripeCalls > report.windows) failures.push(`${stripeCalls} Stripe calls for ${report.windows} customer·meter·hour windows`);

  // Exactness: what Stripe holds for each customer equals what was accepted over the reported (closed) hours.
  const meters = await stripe.billing.meters.list({ limit: 100 });
  const meter = meters.data.find((m) => m.event_name === METER && m.status === 'active');
  const db = createDb(databaseUrl, { max: 2 });
  try {
    const windowEnd = new Date(Math.floor(Date.now() / HOUR) * HOUR);
    for (const customer of customers) {
      const start = new Date(windowEnd.getTime() - (HISTORY_HOURS + 2) * HOUR);
      const summaries = await stripe.billing.meters.listEventSummaries(meter!.id, {
        customer: customer.customerId,
        start_time: Math.floor(start.getTime() / 1000),
        // Stripe takes summary bounds on minute boundaries: the next whole minute covers everything reported.
        end_time: (Math.floor(Date.now() / 60_000) + 1) * 60,
      });
      const held = summaries.data.reduce((sum, s) => sum + s.aggregated_value, 0);
      const reported = await db.execute<{ total: string }>(
        sql`select coalesce(sum(reported_value), 0)::text as total from usage_report_windows where organization_id = ${customer.organizationId}`,
      );
      const reportedTotal = Number(Array.from(reported)[0]?.total ?? 0);
      if (held !== reportedTotal) failures.push(`${customer.name}: Stripe holds ${held}, Seikyu reported ${reportedTotal}`);
      const acceptedTotal = await usageTotal({ organizationId: customer.organizationId, meter: METER, start, end: new Date(Date.now() + 600_000) }, db);
      if (reportedTotal > acceptedTotal) failures.push(`${customer.name}: reported ${reportedTotal} > accepted ${acceptedTotal}`);
    }
  } finally {
    await db.$close();
  }

  latencies.sort((a, b) => a - b);
  await cleanUp();
  return {
    kind,
    events: accepted,
    seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    ...memory,
    windows: report.windows,
    stripeCalls,
    reportSeconds,
    failures,
  };
}

async function main(): Promise<number> {
  if (!hasNextBuild()) throw new Error('No production build in .next: run `NEXT_TELEMETRY_DISABLED=1 npx next build` first.');
  const kind = kindFromArgs();
  if (kind) {
    const result = await runOne(kind);
    if (process.env.BENCH_USAGE_RESULT_FILE) writeFileSync(process.env.BENCH_USAGE_RESULT_FILE, JSON.stringify(result));
    printTable([result]);
    return result.failures.length > 0 ? 1 : 0;
  }
  const results: Result[] = [];
  let code = 0;
  for (const each of ['embedded', 'postgres'] as const) {
    const output = join(repoRoot, '.data', `bench-usage-${process.pid}-${each}.json`);
    const exit = await runToCompletion(
      process.execPath,
      [tsxCli, '--import', './scripts/lib/server-only-hook.mjs', 'scripts/bench/usage-api.ts', '--database', each],
      { ...process.env, BENCH_USAGE_RESULT_FILE: output },
    );
    if (exit !== 0) code = 1;
    if (existsSync(output)) results.push(JSON.parse(readFileSync(output, 'utf8')) as Result);
    rmSync(output, { force: true });
  }
  printTable(results);
  return code;
}

function printTable(results: Result[]): void {
  console.log('');
  console.log(`${CLIENTS} concurrent clients, batches of ${EVENTS_PER_BATCH} events, ${CUSTOMERS} customers; ${cpus().length} CPUs`);
  console.log('| database | events accepted | events/s | p50 ms per batch | p99 ms per batch | app RSS MB (peak) | windows reported | Stripe calls | report s |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(
      `| ${r.kind === 'postgres' ? 'PostgreSQL 15' : 'embedded (PGlite)'} | ${r.events} | ${Math.round(r.events / r.seconds)} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.rssMb.toFixed(0)} (${r.peakRssMb.toFixed(0)}) | ${r.windows} | ${r.stripeCalls} | ${r.reportSeconds.toFixed(1)} |`,
    );
  }
  for (const r of results) for (const f of r.failures.slice(0, 5)) console.error(`[bench ${r.kind}] FAIL ${f}`);
}

runBench(main, cleanUp);
