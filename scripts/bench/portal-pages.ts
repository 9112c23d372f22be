// Benchmark (not a test): the built portal's overview, plans and invoices pages and the operators' customer page and
// invoice list under concurrent load with 10,000 organizations in the database, and the Stripe calls a page view makes (it must be 0).
// `npm run bench:portal` — needs a production build (`npx next build`). Loopback only; bounded in requests and
// time. Starts its own embedded database (fresh data dir, deleted afterwards) and Stripe emulator on free ports,
// seeds the catalogue through the emulator, bulk-inserts the organizations and their mirror rows in SQL, mints
// database sessions for a few owners and drives GET load with keep-alive HTTP clients. Exits non-zero when a
// response is not a 200 showing the expected organization, or when a page view reached Stripe.
//
// Knobs: BENCH_ORGANIZATIONS (10000), BENCH_REQUESTS per page (300), BENCH_CONCURRENCY (10),
// BENCH_SIGNED_IN (20 organizations whose owners are signed in), BENCH_APP_LOG=1 to see the app's output.
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { migrateDatabase } from '../../db/migrate';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../lib/embedded-db';
import { findFreePort } from '../lib/free-port';
import { hasNextBuild, repoRoot, startEmulatorProcess, startNext, type ManagedProcess } from '../lib/processes';
import { elapsed, intFromEnv, percentile, seedCatalogue, stripeRequestCount } from './bench-kit';

const ORGANIZATIONS = intFromEnv('BENCH_ORGANIZATIONS', 10_000, 1, 100_000);
const REQUESTS = intFromEnv('BENCH_REQUESTS', 300, 1, 10_000);
const CONCURRENCY = intFromEnv('BENCH_CONCURRENCY', 10, 1, 100);
const SIGNED_IN = Math.min(ORGANIZATIONS, intFromEnv('BENCH_SIGNED_IN', 20, 1, 1000));
const INVOICES_PER_ORGANIZATION = 12;
const WARMUP_REQUESTS = 10;
/** Per page: the measured run stops here even if requests remain (and the script fails). */
const PAGE_DEADLINE_MS = 90_000;
const REQUEST_TIMEOUT_MS = 30_000;
const SESSION_COOKIE = 'authjs.session-token';

/** `operatorCookie`: an admin operator's session, for the operator pages about this organization. */
type SignedIn = { ordinal: number; orgId: string; orgName: string; cookie: string; operatorCookie: string };
/** `expect`: what the page must show for this organization, beside its name. */
type Page = { name: string; path: (user: SignedIn) => string; expect: (user: SignedIn) => string[]; operator?: boolean };
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const invoiceNumber = (user: SignedIn, month: number) => `BENCH${pad(user.ordinal, 5)}-${pad(month, 4)}`;
const pages: Page[] = [
  // The running plan (the seeded Team subscription) and this organization's newest invoice, from the mirror.
  { name: 'overview', path: (u) => `/orgs/${u.orgId}`, expect: (u) => ['Team', invoiceNumber(u, INVOICES_PER_ORGANIZATION)] },
  // The catalogue: the Starter plan is offered next to the current one.
  { name: 'plans', path: (u) => `/orgs/${u.orgId}/plans`, expect: () => ['Starter'] },
  // This organization's newest and oldest invoices.
  { name: 'invoices', path: (u) => `/orgs/${u.orgId}/invoices`, expect: (u) => [invoiceNumber(u, INVOICES_PER_ORGANIZATION), invoiceNumber(u, 1)] },
  // Operators: the customer page (plan, invoices, timeline) and the invoice list searched by the customer's name,
  // across all 120,000 invoices.
  {
    name: 'admin customer',
    path: (u) => `/admin/customers/${u.orgId}`,
    expect: (u) => ['Team', invoiceNumber(u, INVOICES_PER_ORGANIZATION)],
    operator: true,
  },
  {
    name: 'admin invoices',
    path: (u) => `/admin/invoices?q=${encodeURIComponent(u.orgName)}`,
    expect: (u) => [invoiceNumber(u, INVOICES_PER_ORGANIZATION), invoiceNumber(u, 1)],
    operator: true,
  },
];
type PageResult = { page: string; requests: number; failures: string[]; seconds: number; p50: number; p95: number; stripeCalls: number };

const dataDir = join(repoRoot, '.data', `bench-${process.pid}`);
let database: EmbeddedDatabase | null = null;
const processes: ManagedProcess[] = [];

async function stopAll(): Promise<void> {
  for (const proc of [...processes].reverse()) await proc.stop();
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void stopAll().then(() => process.exit(130));
  });
}

/**
 * Organizations, owners, memberships, customers, one subscription (+ item) and twelve invoices each, generated
 * inside the database with `generate_series` (one statement per table, no round trip per row). Ids are
 * deterministic (`md5` of the ordinal) so a re-run on a fresh database gives the same rows.
 */
async function seedOrganizations(sql: postgres.Sql): Promise<void> {
  const { LOOKUP_KEYS } = await import('@/lib/demo/catalog');
  const [price] = await sql<{ id: string; currency: string }[]>`
    select id, currency from stripe_prices where lookup_key = ${LOOKUP_KEYS.teamMonthly} and active`;
  if (!price) throw new Error(`the seeded catalogue has no ${LOOKUP_KEYS.teamMonthly} price: did seedCatalog change?`);
  const n = ORGANIZATIONS;
  await sql.begin(async (tx) => {
    await tx`insert into users (id, email, name, email_verified)
      select md5('bench-user-' || i)::uuid::text, 'owner-' || lpad(i::text, 5, '0') || '@bench.seikyu.test', 'Owner ' || i, now()
      from generate_series(1, ${n}) i`;
    await tx`insert into organizations (id, name, stripe_customer_id, currency, billing_email)
      select md5('bench-org-' || i)::uuid::text, 'Bench Co ' || lpad(i::text, 5, '0'), 'cus_bench' || lpad(i::text, 5, '0'),
             ${price.currency}, 'billing-' || i || '@bench.seikyu.test'
      from generate_series(1, ${n}) i`;
    await tx`insert into memberships (organization_id, user_id, role)
      select md5('bench-org-' || i)::uuid::text, md5('bench-user-' || i)::uuid::text, 'owner'
      from generate_series(1, ${n}) i`;
    await tx`insert into stripe_customers (id, organization_id, email, name, currency, stripe_created, data)
      select 'cus_bench' || lpad(i::text, 5, '0'), md5('bench-org-' || i)::uuid::text, 'billing-' || i || '@bench.seikyu.test',
             'Bench Co ' || lpad(i::text, 5, '0'), ${price.currency}, now() - interval '400 days', '{}'::jsonb
      from generate_series(1, ${n}) i`;
    await tx`insert into stripe_subscriptions (id, customer_id, organization_id, status, collection_method, currency,
               current_period_start, current_period_end, stripe_created, data)
      select 'sub_bench' || lpad(i::text, 5, '0'), 'cus_bench' || lpad(i::text, 5, '0'), md5('bench-org-' || i)::uuid::text,
             'active', 'charge_automatically', ${price.currency},
             date_trunc('day', now()) - interval '10 days', date_trunc('day', now()) + interval '20 days',
             now() - interval '365 days', '{}'::jsonb
      from generate_series(1, ${n}) i`;
    await tx`insert into stripe_subscription_items (id, subscription_id, price_id, quantity, current_period_start,
               current_period_end, stripe_created, data)
      select 'si_bench' || lpad(i::text, 5, '0'), 'sub_bench' || lpad(i::text, 5, '0'), ${price.id}, 1 + i % 9,
             date_trunc('day', now()) - interval '10 days', date_trunc('day', now()) + interval '20 days',
             now() - interval '365 days', '{}'::jsonb
      from generate_series(1, ${n}) i`;
    // Twelve monthly invoices, the newest still open.
    await tx`insert into stripe_invoices (id, customer_id, organization_id, subscription_id, number, status,
               collection_method, billing_reason, currency, subtotal, total, amount_due, amount_paid, amount_remaining,
               period_start, period_end, finalized_at, paid_at, stripe_created, data)
      select 'in_bench' || lpad(i::text, 5, '0') || '_' || lpad(m::text, 2, '0'), 'cus_bench' || lpad(i::text, 5, '0'),
             md5('bench-org-' || i)::uuid::text, 'sub_bench' || lpad(i::text, 5, '0'),
             'BENCH' || lpad(i::text, 5, '0') || '-' || lpad(m::text, 4, '0'),
             (case when m = 12 then 'open' else 'paid' end)::invoice_status, 'charge_automatically',
             case when m = 1 then 'subscription_create' else 'subscription_cycle' end, ${price.currency},
             5000, 5000, 5000, case when m = 12 then 0 else 5000 end, case when m = 12 then 5000 else 0 end,
             now() - (13 - m) * interval '30 days', now() - (12 - m) * interval '30 days',
             now() - (12 - m) * interval '30 days', case when m = 12 then null else now() - (12 - m) * interval '30 days' end,
             now() - (12 - m) * interval '30 days', '{}'::jsonb
      from generate_series(1, ${n}) i cross join generate_series(1, ${INVOICES_PER_ORGANIZATION}) m`;
  });
  await sql`analyze`;
}

/** Database sessions for the owners of `count` organizations spread over the whole range. */
async function signIn(sql: postgres.Sql, count: number): Promise<SignedIn[]> {
  const ordinals = Array.from({ length: count }, (_, k) => 1 + Math.floor((k * ORGANIZATIONS) / count));
  // One admin operator with a session of its own, for the operator pages.
  const operatorId = randomBytes(16).toString('hex');
  await sql`insert into users (id, email, name, email_verified) values (${operatorId}, 'operator@bench.seikyu.test', 'Bench operator', now())`;
  await sql`insert into operators (user_id, role) values (${operatorId}, 'admin')`;
  const operatorToken = randomBytes(32).toString('hex');
  await sql`insert into sessions (session_token, user_id, expires) values (${operatorToken}, ${operatorId}, now() + interval '1 day')`;
  const operatorCookie = `${SESSION_COOKIE}=${operatorToken}`;
  const signedIn: SignedIn[] = [];
  for (const i of ordinals) {
    const [row] = await sql<{ orgId: string; orgName: string; userId: string }[]>`
      select o.id as "orgId", o.name as "orgName", m.user_id as "userId"
      from organizations o join memberships m on m.organization_id = o.id
      where o.id = md5(${`bench-org-${i}`})::uuid::text`;
    if (!row) throw new Error(`organization ${i} was not seeded`);
    const token = randomBytes(32).toString('hex');
    await sql`insert into sessions (session_token, user_id, expires) values (${token}, ${row.userId}, now() + interval '1 day')`;
    signedIn.push({ ordinal: i, orgId: row.orgId, orgName: row.orgName, cookie: `${SESSION_COOKIE}=${token}`, operatorCookie });
  }
  return signedIn;
}

function get(agent: Agent, port: number, path: string, cookie: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', agent, headers: { cookie, accept: 'text/html' }, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timed out after ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end();
  });
}

async function measurePage(page: Page, port: number, emulatorUrl: string, users: SignedIn[]): Promise<PageResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const failures: string[] = [];
  const check = async (k: number, latencies: number[] | null): Promise<void> => {
    const user = users[k % users.length]!;
    const path = page.path(user);
    const started = performance.now();
    try {
      const { status, body } = await get(agent, port, path, page.operator ? user.operatorCookie : user.cookie);
      latencies?.push(performance.now() - started);
      if (status !== 200) failures.push(`${path}: HTTP ${status}`);
      else if (!body.includes(user.orgName)) failures.push(`${path}: the page does not show ${user.orgName}`);
      else {
        const missing = page.expect(user).filter((text) => !body.includes(text));
        if (missing.length > 0) failures.push(`${path}: the page does not show ${missing.join(', ')}`);
      }
    } catch (error) {
      failures.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const before = await stripeRequestCount(emulatorUrl);
  try {
    for (let k = 0; k < WARMUP_REQUESTS; k++) await check(k, null);
    const latencies: number[] = [];
    let next = 0;
    const deadline = performance.now() + PAGE_DEADLINE_MS;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < REQUESTS && performance.now() < deadline) await check(next++, latencies);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    if (next < REQUESTS) failures.push(`stopped after ${PAGE_DEADLINE_MS / 1000}s with ${REQUESTS - next} requests left`);
    const stripeCalls = (await stripeRequestCount(emulatorUrl)) - before;
    latencies.sort((a, b) => a - b);
    return { page: page.name, requests: latencies.length, failures, seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), stripeCalls };
  } finally {
    agent.destroy();
  }
}

async function main(): Promise<number> {
  if (!hasNextBuild()) throw new Error('No production build in .next: run `NEXT_TELEMETRY_DISABLED=1 npx next build` first.');
  const t0 = performance.now();
  mkdirSync(dataDir, { recursive: true });
  database = await startEmbeddedDatabase({ dataDir: join(dataDir, 'pglite'), port: await findFreePort() });
  await migrateDatabase(database.url);

  const appPort = await findFreePort();
  const appUrl = `http://localhost:${appPort}`;
  // No webhook endpoint: the catalogue is mirrored directly below, and deliveries of its events retried once the
  // app is up would make the webhook route re-read Stripe in the middle of a measurement.
  const emulator = await startEmulatorProcess({ port: await findFreePort(), echo: false });
  processes.push(emulator);
  // The app's modules read the environment once at import: set it before importing the catalogue seed.
  Object.assign(process.env, { DATABASE_URL: database.url, STRIPE_EMULATOR_URL: emulator.url, APP_URL: appUrl });
  delete process.env.STRIPE_SECRET_KEY;
  await seedCatalogue(database.url);
  console.log(`[bench] database migrated, catalogue seeded through the emulator (${elapsed(t0)})`);

  const sql = postgres(database.url, { max: 2, onnotice: () => {} });
  let users: SignedIn[];
  try {
    const t1 = performance.now();
    await seedOrganizations(sql);
    const [counts] = await sql<{ organizations: number; invoices: number }[]>`
      select (select count(*)::int from organizations) as organizations, (select count(*)::int from stripe_invoices) as invoices`;
    console.log(`[bench] inserted ${counts!.organizations} organizations and ${counts!.invoices} invoices in ${elapsed(t1)}`);
    users = await signIn(sql, SIGNED_IN);
  } finally {
    await sql.end();
  }

  const app = await startNext({
    mode: 'start',
    port: appPort,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: database.url,
      STRIPE_EMULATOR_URL: emulator.url,
      APP_URL: appUrl,
      AUTH_URL: appUrl,
      AUTH_SECRET: randomBytes(32).toString('hex'),
      AUTH_TRUST_HOST: 'true',
    },
    echo: process.env.BENCH_APP_LOG === '1',
  });
  processes.push(app);
  console.log(`[bench] app started on ${appUrl}; ${SIGNED_IN} owners signed in; ${REQUESTS} requests per page, ${CONCURRENCY} concurrent clients`);

  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  const results: PageResult[] = [];
  for (const page of pages) results.push(await measurePage(page, appPort, emulator.url, users));

  console.log('');
  console.log(`${ORGANIZATIONS} organizations, ${INVOICES_PER_ORGANIZATION} invoices each; ${CONCURRENCY} concurrent clients; ${cpus().length} CPUs, load average before the run ${load}`);
  console.log('| page | requests | req/s | p50 ms | p95 ms | Stripe calls |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(`| ${r.page} | ${r.requests} | ${(r.requests / r.seconds).toFixed(1)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.stripeCalls} |`);
  }
  let failed = false;
  for (const r of results) {
    if (r.stripeCalls !== 0) {
      failed = true;
      console.error(`[bench] FAIL ${r.page}: ${r.stripeCalls} Stripe calls during ${r.requests + WARMUP_REQUESTS} page views (must be 0)`);
    }
    if (r.failures.length > 0) {
      failed = true;
      console.error(`[bench] FAIL ${r.page}: ${r.failures.length} bad responses, e.g. ${r.failures.slice(0, 3).join('; ')}`);
    }
  }
  console.log(`[bench] ${failed ? 'failed' : 'done'} in ${elapsed(t0)}`);
  return failed ? 1 : 0;
}

main()
  .then(async (code) => {
    await stopAll();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await stopAll();
    process.exit(1);
  });
