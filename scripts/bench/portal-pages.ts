// Benchmark (not a test): the built portal's pages and the operators' pages under concurrent load with 10,000
// organizations in the database, each page's throughput as a fraction of the app's own minimal dynamic page (the
// ceiling, app/health/page.tsx, measured in the same run through the same proxy and layout), p95 at 10 and 50
// concurrent clients, the statements each view runs (PostgreSQL) and the Stripe calls a page view makes (must be 0).
// `npm run bench:portal [-- --database postgres] [--profile]` — needs a production build (`npx next build`).
// Loopback only; bounded in requests and time. Starts its own database (embedded PGlite by default, or a
// throwaway PostgreSQL cluster from the local binaries with pg_stat_statements) and Stripe emulator on free
// ports, seeds the catalogue through the emulator, bulk-inserts the organizations and their mirror rows in SQL,
// mints database sessions for a few owners and drives GET load with keep-alive HTTP clients. Exits non-zero when
// a response is not a 200 showing the expected organization, or when a page view reached Stripe.
// The pages: scripts/bench/bench-pages.ts (append one there).
//
// Knobs: --database embedded|postgres, --concurrency 10,50, --profile (CPU profile of the app: the top functions
// by self time, and the .cpuprofile file kept), --pages overview,plans (by name); BENCH_ORGANIZATIONS (10000),
// BENCH_REQUESTS per page and concurrency (300), BENCH_ROUNDS (3: the requests split into rounds of the ceiling and
// every page, interleaved), BENCH_SIGNED_IN (20 organizations whose owners are signed in),
// BENCH_APP_LOG=1 to see the app's output.
import { randomBytes } from 'node:crypto';
import { Agent } from 'node:http';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { migrateDatabase } from '../../db/migrate';
import { findFreePort } from '../lib/free-port';
import { hasNextBuild, repoRoot, startEmulatorProcess, startNext, type ManagedProcess } from '../lib/processes';
import { elapsed, intFromEnv, runBench, sampleStripeObjects, seedCatalogue, stripeRequestCount } from './bench-kit';
import { databaseKindFrom, startBenchDatabase } from './bench-database';
import { benchPages, ceilingPage, INVOICES_PER_ORGANIZATION, USAGE_DAYS, type BenchPage, type SignedIn } from './bench-pages';
import { printCpuProfile } from './cpu-profile';
import { cpuMsOfCommand, cpuMsOfTree } from './process-cpu';
import { httpRequest, runLoad, type LoadResult } from './http-load';


const { values: args } = parseArgs({
  options: {
    database: { type: 'string', default: 'embedded' },
    concurrency: { type: 'string', default: '10,50' },
    profile: { type: 'boolean', default: false },
    pages: { type: 'string' },
  },
});
const DATABASE_KIND = databaseKindFrom(args.database);
const CONCURRENCY_LEVELS = args.concurrency.split(',').map((c) => {
  const n = Number(c);
  if (!Number.isInteger(n) || n < 1 || n > 200) throw new Error(`--concurrency takes integers from 1 to 200 (got ${c})`);
  return n;
});
const ORGANIZATIONS = intFromEnv('BENCH_ORGANIZATIONS', 10_000, 1, 100_000);
const REQUESTS = intFromEnv('BENCH_REQUESTS', 300, 1, 10_000);
/**
 * Each page's requests are split over this many rounds; a round measures the ceiling and then every page, and a
 * last ceiling closes the run. The machine's speed drifts over a run by more than the differences between pages, so
 * interleaving puts each page beside the ceiling it is compared with; the table prints the lowest and highest
 * round's share of the ceiling beside the whole run's.
 */
const ROUNDS = intFromEnv('BENCH_ROUNDS', 3, 1, 20);
const SIGNED_IN = Math.min(ORGANIZATIONS, intFromEnv('BENCH_SIGNED_IN', 20, 1, 1000));
const WARMUP_REQUESTS = 10;
/** Per page and concurrency: the measured run stops here even if requests remain (and the script fails). */
const PAGE_DEADLINE_MS = 90_000;
const SESSION_COOKIE = 'authjs.session-token';
const selectedPages = args.pages ? benchPages.filter((p) => args.pages!.split(',').includes(p.name)) : benchPages;

type Statement = { calls: number; ms: number; query: string };
type PageResult = LoadResult & {
  page: BenchPage;
  concurrency: number;
  stripeCalls: number;
  statementsPerView: number | null;
  statements: Statement[];
  /** The HTML (with the inlined RSC payload) one view sends, in bytes: rendering and writing it is most of a view's cost. */
  bytesPerView: number;
  /** Each round's throughput as a fraction of the ceilings measured just before and after it. */
  roundShares?: number[];
  /** CPU milliseconds per view of the app (its process tree) and of PostgreSQL (null on the embedded database). */
  appCpuMs: number;
  databaseCpuMs: number | null;
};

const dataDir = join(repoRoot, '.data', `bench-${process.pid}`);
const profileDir = join(repoRoot, '.data', `bench-profile-${process.pid}`);
const closers: (() => Promise<void>)[] = [];
const processes: ManagedProcess[] = [];

async function stopAll(): Promise<void> {
  for (const proc of [...processes].reverse()) await proc.stop();
  for (const close of [...closers].reverse()) await close();
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
  // Every mirrored row carries a real Stripe object in `data` (from the emulator), as a deployment's do: a page
  // that read it without need pays for it here too.
  const samples = await sampleStripeObjects(price.id);
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
             'Bench Co ' || lpad(i::text, 5, '0'), ${price.currency}, now() - interval '400 days', ${samples.customer}::jsonb
      from generate_series(1, ${n}) i`;
    await tx`insert into stripe_subscriptions (id, customer_id, organization_id, status, collection_method, currency,
               current_period_start, current_period_end, stripe_created, data)
      select 'sub_bench' || lpad(i::text, 5, '0'), 'cus_bench' || lpad(i::text, 5, '0'), md5('bench-org-' || i)::uuid::text,
             'active', 'charge_automatically', ${price.currency},
             date_trunc('day', now()) - interval '10 days', date_trunc('day', now()) + interval '20 days',
             now() - interval '365 days', ${samples.subscription}::jsonb
      from generate_series(1, ${n}) i`;
    await tx`insert into stripe_subscription_items (id, subscription_id, price_id, quantity, current_period_start,
               current_period_end, stripe_created, data)
      select 'si_bench' || lpad(i::text, 5, '0'), 'sub_bench' || lpad(i::text, 5, '0'), ${price.id}, 1 + i % 9,
             date_trunc('day', now()) - interval '10 days', date_trunc('day', now()) + interval '20 days',
             now() - interval '365 days', ${samples.subscriptionItem}::jsonb
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
             now() - (12 - m) * interval '30 days', ${samples.invoice}::jsonb
      from generate_series(1, ${n}) i cross join generate_series(1, ${INVOICES_PER_ORGANIZATION}) m`;
    // Usage reported over the public API for the last 40 days (the usage page compares this period with the one
    // before): device hours every day, diagnosis requests every other day.
    await tx`insert into usage_events (organization_id, meter, value, occurred_at, identifier, received_at)
      select md5('bench-org-' || i)::uuid::text, meter, 1 + (i + d) % 7,
             date_trunc('day', now()) - d * interval '1 day' + interval '9 hours',
             'bench-' || meter || '-' || d, date_trunc('day', now()) - d * interval '1 day' + interval '9 hours'
      from generate_series(1, ${n}) i cross join generate_series(1, ${USAGE_DAYS}) d
        cross join (values ('device_hours'), ('diagnosis_requests')) as meters(meter)
      where meter = 'device_hours' or d % 2 = 0`;
    // As on a server that has been running: the usage reporter has already looked at these arrivals (none of the
    // organizations is billed on usage). Otherwise its first run, scanning 36 days of arrivals, lands in the
    // middle of a measurement.
    await tx`insert into usage_reporter_state (name, at) values ('scan_cursor', now())`;
  });
  await sql`analyze`;
}

/** Database sessions (30 days, as a sign-in makes: no sliding renewal during the run) for the owners of `count` organizations spread over the whole range. */
async function signIn(sql: postgres.Sql, count: number): Promise<SignedIn[]> {
  const ordinals = Array.from({ length: count }, (_, k) => 1 + Math.floor((k * ORGANIZATIONS) / count));
  // One admin operator with a session of its own, for the operator pages.
  const operatorId = randomBytes(16).toString('hex');
  await sql`insert into users (id, email, name, email_verified) values (${operatorId}, 'operator@bench.seikyu.test', 'Bench operator', now())`;
  await sql`insert into operators (user_id, role) values (${operatorId}, 'admin')`;
  const operatorToken = randomBytes(32).toString('hex');
  await sql`insert into sessions (session_token, user_id, expires) values (${operatorToken}, ${operatorId}, now() + interval '30 days')`;
  const operatorCookie = `${SESSION_COOKIE}=${operatorToken}`;
  const signedIn: SignedIn[] = [];
  for (const i of ordinals) {
    const [row] = await sql<{ orgId: string; orgName: string; userId: string }[]>`
      select o.id as "orgId", o.name as "orgName", m.user_id as "userId"
      from organizations o join memberships m on m.organization_id = o.id
      where o.id = md5(${`bench-org-${i}`})::uuid::text`;
    if (!row) throw new Error(`organization ${i} was not seeded`);
    const token = randomBytes(32).toString('hex');
    await sql`insert into sessions (session_token, user_id, expires) values (${token}, ${row.userId}, now() + interval '30 days')`;
    signedIn.push({ ordinal: i, orgId: row.orgId, orgName: row.orgName, cookie: `${SESSION_COOKIE}=${token}`, operatorCookie });
  }
  return signedIn;
}

/**
 * The app's statements on PostgreSQL (pg_stat_statements), without the job runner's polling (schema pgboss) and
 * the benchmark's own reads: reset before a page, read after it.
 */
const APP_STATEMENTS = `from pg_stat_statements where query not ilike '%pgboss%' and query not ilike '%pg_stat_statements%'`;
async function resetStatements(sql: postgres.Sql | null): Promise<void> {
  if (sql) await sql`select pg_stat_statements_reset()`;
}
async function countStatements(sql: postgres.Sql | null): Promise<number | null> {
  if (!sql) return null;
  const [row] = await sql.unsafe<{ calls: number }[]>(`select coalesce(sum(calls), 0)::int as calls ${APP_STATEMENTS}`);
  return row!.calls;
}
async function topStatements(sql: postgres.Sql | null): Promise<Statement[]> {
  if (!sql) return [];
  return sql.unsafe(
    `select calls::int as calls, round(total_exec_time::numeric, 1)::float as ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) as query
     ${APP_STATEMENTS} order by calls desc, total_exec_time desc limit 15`,
  );
}

/** Several rounds' measurements of one page as one: throughput over all of them, the highest round's percentiles. */
function mergeRounds(rounds: PageResult[]): PageResult {
  const requests = rounds.reduce((n, r) => n + r.requests, 0);
  const seconds = rounds.reduce((n, r) => n + r.seconds, 0);
  const viewsWithStatements = rounds.filter((r) => r.statementsPerView !== null);
  return {
    ...rounds[0]!,
    requests,
    seconds,
    perSecond: requests / seconds,
    p50: Math.max(...rounds.map((r) => r.p50)),
    p95: Math.max(...rounds.map((r) => r.p95)),
    stripeCalls: rounds.reduce((n, r) => n + r.stripeCalls, 0),
    appCpuMs: rounds.reduce((n, r) => n + r.appCpuMs * r.requests, 0) / requests,
    databaseCpuMs: rounds.some((r) => r.databaseCpuMs === null) ? null : rounds.reduce((n, r) => n + r.databaseCpuMs! * r.requests, 0) / requests,
    failures: rounds.flatMap((r) => r.failures),
    statements: [
      ...rounds
        .flatMap((r) => r.statements)
        .reduce((byQuery, t) => {
          const seen = byQuery.get(t.query);
          byQuery.set(t.query, seen ? { ...t, calls: seen.calls + t.calls, ms: seen.ms + t.ms } : t);
          return byQuery;
        }, new Map<string, Statement>())
        .values(),
    ].sort((a, b) => b.calls - a.calls),
    statementsPerView:
      viewsWithStatements.length === 0
        ? null
        : viewsWithStatements.reduce((n, r) => n + r.statementsPerView! * r.requests, 0) / viewsWithStatements.reduce((n, r) => n + r.requests, 0),
  };
}

/** A page's share of the ceiling: the mean of its rounds' (each beside its own ceilings), else of the whole run. */
function shareOfCeiling(result: PageResult, ceilings: Map<number, number>): number {
  const shares = result.roundShares;
  if (shares && shares.length > 0) return shares.reduce((a, b) => a + b, 0) / shares.length;
  return result.perSecond / ceilings.get(result.concurrency)!;
}

async function measurePage(
  page: BenchPage,
  requests: number,
  concurrency: number,
  port: number,
  emulatorUrl: string,
  users: SignedIn[],
  stats: postgres.Sql | null,
  appPid: number,
): Promise<PageResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let bytes = 0;
  const check = async (k: number): Promise<string | null> => {
    const user = users[k % users.length]!;
    const path = page.path(user);
    const cookie = page === ceilingPage ? '' : page.operator ? user.operatorCookie : user.cookie;
    const { status, body } = await httpRequest(agent, port, { path, headers: { cookie, accept: 'text/html' } });
    if (status !== 200) return `${path}: HTTP ${status}`;
    bytes = Buffer.byteLength(body);
    // BENCH_DUMP_DIR=<dir>: keep one response of each page, to see what a view sends.
    if (process.env.BENCH_DUMP_DIR) writeFileSync(join(process.env.BENCH_DUMP_DIR, `${page.name.replace(/\W+/g, '-')}.html`), body);
    if (page.showsOrgName !== false && !body.includes(user.orgName)) return `${path}: the page does not show ${user.orgName}`;
    const missing = page.expect(user).filter((text) => !body.includes(text));
    return missing.length > 0 ? `${path}: the page does not show ${missing.join(', ')}` : null;
  };
  const before = await stripeRequestCount(emulatorUrl);
  try {
    const warmupFailures: string[] = [];
    for (let k = 0; k < WARMUP_REQUESTS; k++) {
      const failure = await check(k).catch((error: unknown) => `${page.name}: ${error instanceof Error ? error.message : String(error)}`);
      if (failure) warmupFailures.push(`warm-up: ${failure}`);
    }
    await resetStatements(stats);
    const cpuBefore = { app: cpuMsOfTree(appPid), database: stats ? cpuMsOfCommand('postgres') : 0 };
    const load = await runLoad({ total: requests, concurrency, deadlineMs: PAGE_DEADLINE_MS, call: check });
    const appCpuMs = (cpuMsOfTree(appPid) - cpuBefore.app) / load.requests;
    const databaseCpuMs = stats ? (cpuMsOfCommand('postgres') - cpuBefore.database) / load.requests : null;
    const statements = await countStatements(stats);
    const top = await topStatements(stats);
    const stripeCalls = (await stripeRequestCount(emulatorUrl)) - before;
    load.failures.unshift(...warmupFailures);
    return { ...load, page, concurrency, stripeCalls, statementsPerView: statements === null ? null : statements / load.requests, statements: top, bytesPerView: bytes, appCpuMs, databaseCpuMs };
  } finally {
    agent.destroy();
  }
}

async function startDatabase(): Promise<string> {
  const database = await startBenchDatabase(DATABASE_KIND, dataDir);
  closers.push(database.close);
  return database.url;
}

async function main(): Promise<number> {
  if (!hasNextBuild()) throw new Error('No production build in .next: run `NEXT_TELEMETRY_DISABLED=1 npx next build` first.');
  const t0 = performance.now();
  mkdirSync(dataDir, { recursive: true });
  const databaseUrl = await startDatabase();
  await migrateDatabase(databaseUrl);

  const appPort = await findFreePort();
  const appUrl = `http://localhost:${appPort}`;
  // No webhook endpoint: the catalogue is mirrored directly below, and deliveries of its events retried once the
  // app is up would make the webhook route re-read Stripe in the middle of a measurement.
  const emulator = await startEmulatorProcess({ port: await findFreePort(), echo: false });
  processes.push(emulator);
  // The app's modules read the environment once at import: set it before importing the catalogue seed.
  Object.assign(process.env, { DATABASE_URL: databaseUrl, STRIPE_EMULATOR_URL: emulator.url, APP_URL: appUrl });
  delete process.env.STRIPE_SECRET_KEY;
  await seedCatalogue(databaseUrl);
  console.log(`[bench] ${DATABASE_KIND} database migrated, catalogue seeded through the emulator (${elapsed(t0)})`);

  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  closers.push(() => sql.end());
  const t1 = performance.now();
  await seedOrganizations(sql);
  const [counts] = await sql<{ organizations: number; invoices: number; usage: number }[]>`
    select (select count(*)::int from organizations) as organizations, (select count(*)::int from stripe_invoices) as invoices,
           (select count(*)::int from usage_events) as usage`;
  console.log(`[bench] inserted ${counts!.organizations} organizations, ${counts!.invoices} invoices and ${counts!.usage} usage events in ${elapsed(t1)}`);
  const users = await signIn(sql, SIGNED_IN);
  let stats: postgres.Sql | null = null;
  if (DATABASE_KIND === 'postgres') {
    await sql`create extension if not exists pg_stat_statements`;
    stats = sql;
  }

  if (args.profile) mkdirSync(profileDir, { recursive: true });
  const app = await startNext({
    mode: 'start',
    port: appPort,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      STRIPE_EMULATOR_URL: emulator.url,
      APP_URL: appUrl,
      AUTH_URL: appUrl,
      AUTH_SECRET: randomBytes(32).toString('hex'),
      AUTH_TRUST_HOST: 'true',
    },
    nodeArgs: args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    echo: process.env.BENCH_APP_LOG === '1',
  });
  processes.push(app);
  console.log(`[bench] app started on ${appUrl}; ${SIGNED_IN} owners signed in; ${REQUESTS} requests per page at ${CONCURRENCY_LEVELS.join(' and ')} concurrent clients`);

  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  const results: PageResult[] = [];
  const ceilings = new Map<number, number>();
  for (const concurrency of CONCURRENCY_LEVELS) {
    // Rounds of the ceiling and every page, and a last ceiling: each page is measured between two ceilings.
    const perRound = Math.max(1, Math.ceil(REQUESTS / ROUNDS));
    const ceilingRounds: PageResult[] = [];
    const pageRounds = new Map<BenchPage, PageResult[]>(selectedPages.map((page) => [page, []]));
    for (let round = 0; round < ROUNDS; round++) {
      ceilingRounds.push(await measurePage(ceilingPage, perRound, concurrency, appPort, emulator.url, users, stats, app.child.pid!));
      for (const page of selectedPages) pageRounds.get(page)!.push(await measurePage(page, perRound, concurrency, appPort, emulator.url, users, stats, app.child.pid!));
    }
    ceilingRounds.push(await measurePage(ceilingPage, perRound, concurrency, appPort, emulator.url, users, stats, app.child.pid!));
    for (const rounds of pageRounds.values()) {
      // Each round beside the ceilings measured just before and after it: the spread says how far to trust a figure.
      const roundShares = rounds.map((round, r) => round.perSecond / ((ceilingRounds[r]!.perSecond + ceilingRounds[r + 1]!.perSecond) / 2));
      results.push({ ...mergeRounds(rounds), roundShares });
    }
    const ceiling = mergeRounds(ceilingRounds);
    ceilings.set(concurrency, ceiling.perSecond);
    results.push(ceiling);
  }

  console.log('');
  console.log(
    `${DATABASE_KIND}; ${ORGANIZATIONS} organizations, ${INVOICES_PER_ORGANIZATION} invoices each; ${cpus().length} CPUs, load average before the run ${load}`,
  );
  console.log(
    `| page | ${CONCURRENCY_LEVELS.map((c) => `req/s at ${c} | of ceiling | p95 ms at ${c}`).join(' | ')} | app CPU ms per view | of ceiling by CPU | database CPU ms per view | statements per view | kB per view | Stripe calls |`,
  );
  console.log(`| --- | ${CONCURRENCY_LEVELS.map(() => '---: | ---: | ---:').join(' | ')} | ---: | ---: | ---: | ---: | ---: | ---: |`);
  const ceilingCpuMs = results.filter((r) => r.page === ceilingPage).map((r) => r.appCpuMs);
  for (const page of [ceilingPage, ...selectedPages]) {
    const rows = CONCURRENCY_LEVELS.map((c) => results.find((r) => r.page === page && r.concurrency === c)!);
    const percent = (share: number) => (100 * share).toFixed(0);
    const spread = (r: PageResult) =>
      r.roundShares && r.roundShares.length > 1 ? ` (${percent(Math.min(...r.roundShares))}–${percent(Math.max(...r.roundShares))})` : '';
    const cells = rows.map((r) => `${r.perSecond.toFixed(1)} | ${percent(shareOfCeiling(r, ceilings))} %${spread(r)} | ${r.p95.toFixed(0)}`);
    const statements = rows.map((r) => r.statementsPerView).filter((s): s is number => s !== null);
    const stmt = statements.length > 0 ? (statements.reduce((a, b) => a + b, 0) / statements.length).toFixed(1) : '–';
    const stripe = rows.reduce((sum, r) => sum + r.stripeCalls, 0);
    // CPU per view over all levels; "of ceiling by CPU" is the ceiling's app CPU per view over this page's.
    const appCpu = rows.reduce((n, r) => n + r.appCpuMs, 0) / rows.length;
    const ceilingCpu = ceilingCpuMs.reduce((n, ms) => n + ms, 0) / ceilingCpuMs.length;
    const databaseCpu = rows.every((r) => r.databaseCpuMs !== null) ? (rows.reduce((n, r) => n + r.databaseCpuMs!, 0) / rows.length).toFixed(2) : '–';
    const cpuCells = `${appCpu.toFixed(1)} | ${percent(ceilingCpu / appCpu)} % | ${databaseCpu}`;
    console.log(`| ${page.name} | ${cells.join(' | ')} | ${cpuCells} | ${stmt} | ${(rows[0]!.bytesPerView / 1024).toFixed(1)} | ${stripe} |`);
  }
  if (stats) {
    console.log(`\nStatements per view at ${CONCURRENCY_LEVELS[0]} clients (pg_stat_statements; calls per view, total ms per view):`);
    for (const r of results.filter((x) => x.concurrency === CONCURRENCY_LEVELS[0] && x.page !== ceilingPage)) {
      console.log(`  ${r.page.name}:`);
      for (const t of r.statements) {
        console.log(`    ${(t.calls / r.requests).toFixed(1).padStart(5)} × ${(t.ms / r.requests).toFixed(2).padStart(6)} ms  ${t.query}`);
      }
    }
  }

  let failed = false;
  for (const r of results) {
    if (r.stripeCalls !== 0) {
      failed = true;
      console.error(`[bench] FAIL ${r.page.name} at ${r.concurrency}: ${r.stripeCalls} Stripe calls during ${r.requests + WARMUP_REQUESTS} page views (must be 0)`);
    }
    if (r.failures.length > 0) {
      failed = true;
      console.error(`[bench] FAIL ${r.page.name} at ${r.concurrency}: ${r.failures.length} bad responses, e.g. ${r.failures.slice(0, 3).join('; ')}`);
    }
  }
  const below = results.filter((r) => r.page.audience === 'portal' && r.page !== ceilingPage && shareOfCeiling(r, ceilings) < 0.7);
  for (const r of below) console.log(`[bench] below 70 % of the ceiling: ${r.page.name} at ${r.concurrency} clients`);

  if (args.profile) {
    await app.stop();
    printCpuProfile(profileDir);
  }
  console.log(`[bench] ${failed ? 'failed' : 'done'} in ${elapsed(t0)}`);
  return failed ? 1 : 0;
}

runBench(main, stopAll);
