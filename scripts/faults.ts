// Faults (a check, run by `npm test` after `multi-server` as the `faults` step, one to two minutes): real
// processes are broken while they work, and the data must come out whole. One throwaway PostgreSQL, the
// emulator, one `next start` app server and one `npm run worker` job runner (JOBS_IN_APP=0 on the app), with
// two small TCP proxies in between that can be cut: app/worker → Stripe API, and Stripe's webhook deliveries →
// app. It checks, printing what it found:
//  1. kill -9 of the app server while it records and processes a burst of webhook events, then a restart:
//     every event Stripe sent ends processed, the mirror equals Stripe, audit entries and notifications once each;
//  2. kill -9 of the worker while its usage.report job reports to Stripe meters, then a restart: per customer,
//     Stripe's meter sum equals the usage Seikyu accepted (nothing lost, nothing counted twice);
//  3. PostgreSQL stopped and started (pg_ctl stop -m fast / start, same data, same port) under load: requests
//     during the outage fail quickly with an error status, and the same processes recover by themselves;
//  4. Stripe unreachable (both proxies cut, the emulator's state kept): portal pages render from the mirror, paying
//     an invoice answers "Stripe is unavailable … nothing was charged" and charges nothing; webhooks and usage
//     reports catch up once Stripe is back.
// A crashed process's leases (a webhook event it was processing, a usage report it was sending) would be taken
// over after their timeout (5 min, 2 min); the check moves those leases' clocks forward in SQL instead of
// waiting, then starts the job that takes them over, as the cron schedule would have.
// Needs a build (`npx next build`) and PostgreSQL binaries. FAULTS_LOG=1 shows the servers' output.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PgBoss from 'pg-boss';
import postgres from 'postgres';
import Stripe from 'stripe';
import { migrateDatabase } from '../db/migrate';
import { seedCatalogue } from './bench/bench-kit';
import { findFreePort } from './lib/free-port';
import { hasNextBuild, repoRoot, spawnManaged, startEmulatorProcess, startNext, type ManagedProcess } from './lib/processes';
import { callServerAction, serverActionId } from './lib/server-action';
import { startTcpProxy, type TcpProxy } from './lib/tcp-proxy';
import { findPostgresBinDir, startThrowawayPostgres, type ThrowawayPostgres } from './lib/throwaway-postgres';

const WEBHOOK_SECRET = 'whsec_seikyu_emulator';
const HOUR = 3_600_000;
const METER = 'device_hours';
const echo = process.env.FAULTS_LOG === '1';
const t0 = Date.now();
const problems: string[] = [];
const processes: ManagedProcess[] = [];
const closers: (() => Promise<void>)[] = [];

const log = (message: string) => console.log(`[faults ${((Date.now() - t0) / 1000).toFixed(0).padStart(3)}s] ${message}`);
const fail = (message: string) => {
  problems.push(message);
  console.error(`[faults] FAIL ${message}`);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function stopAll(): Promise<void> {
  for (const proc of [...processes].reverse()) await proc.stop(3_000);
  for (const close of [...closers].reverse()) await close().catch(() => {});
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stopAll().then(() => process.exit(130)));

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null | undefined | false>, describe?: () => Promise<string>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${describe ? `: ${await describe()}` : ''}`);
    await sleep(100);
  }
}

/** SIGKILL: no handler runs, nothing is flushed, open transactions are rolled back by PostgreSQL. */
async function killHard(proc: ManagedProcess): Promise<void> {
  proc.child.kill('SIGKILL');
  await proc.exited;
}

type World = {
  pg: ThrowawayPostgres;
  sql: postgres.Sql;
  boss: PgBoss;
  stripe: Stripe;
  emulatorUrl: string;
  stripeProxy: TcpProxy;
  hookProxy: TcpProxy;
  appPort: number;
  appUrl: string;
  env: NodeJS.ProcessEnv;
  app: ManagedProcess;
  worker: ManagedProcess;
};

type BillingCustomer = { organizationId: string; customerId: string; index: number };
type UsageCustomer = { organizationId: string; customerId: string; key: string; anchor: Date };

function startWorker(env: NodeJS.ProcessEnv): ManagedProcess {
  // `node --import tsx` (not the tsx CLI, which runs node in a child): one process, so SIGKILL reaches the runner.
  const worker = spawnManaged({
    name: 'worker',
    command: process.execPath,
    args: ['--import', 'tsx', '--import', './scripts/lib/server-only-hook.mjs', 'scripts/worker.ts'],
    env,
    echo,
  });
  processes.push(worker);
  return worker;
}

async function startApp(world: Pick<World, 'appPort' | 'env'>): Promise<ManagedProcess> {
  const app = await startNext({ mode: 'start', port: world.appPort, env: world.env, echo });
  processes.push(app);
  return app;
}

/** Queues a job as the cron schedule would, and waits for a runner to finish it. */
async function runJob(world: World, name: string, timeoutMs = 60_000): Promise<void> {
  const id = await world.boss.send(name, {});
  if (!id) throw new Error(`pg-boss did not queue ${name}`);
  const state = await until(`the ${name} job to finish`, timeoutMs, async () => {
    const [row] = await world.sql<{ state: string }[]>`select state::text from pgboss.job where id = ${id}`;
    return row && ['completed', 'failed', 'cancelled'].includes(row.state) ? row.state : null;
  });
  if (state !== 'completed') throw new Error(`the ${name} job ended ${state}`);
}

async function ledgerCounts(sql: postgres.Sql): Promise<Record<string, number>> {
  const rows = await sql<{ status: string; n: number }[]>`select status::text, count(*)::int as n from stripe_events group by 1`;
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

async function allStripeEvents(stripe: Stripe): Promise<Stripe.Event[]> {
  const events: Stripe.Event[] = [];
  for await (const event of stripe.events.list({ limit: 100 })) events.push(event);
  return events;
}

async function emulatorDeliveriesPending(emulatorUrl: string): Promise<number> {
  const health = (await (await fetch(`${emulatorUrl}/_emulator/health`)).json()) as { pending_webhook_deliveries: number };
  return health.pending_webhook_deliveries;
}

/** Every event Stripe holds is in the ledger and finished; returns the ledger's counts. */
async function waitForLedgerConverged(world: World, timeoutMs: number): Promise<{ events: number; attemptsAbove1: number }> {
  await until('the emulator to deliver every webhook', timeoutMs, async () => (await emulatorDeliveriesPending(world.emulatorUrl)) === 0);
  const events = await allStripeEvents(world.stripe);
  return until(
    'every Stripe event recorded and processed',
    timeoutMs,
    async () => {
      const rows = await world.sql<{ id: string; status: string; attempts: number }[]>`select id, status::text, attempts from stripe_events`;
      const byId = new Map(rows.map((r) => [r.id, r]));
      const done = events.every((e) => ['processed', 'ignored'].includes(byId.get(e.id)?.status ?? ''));
      return done ? { events: events.length, attemptsAbove1: rows.filter((r) => r.attempts > 1).length } : null;
    },
    async () => {
      const rows = await world.sql<{ id: string; status: string; last_error: string | null }[]>`
        select id, status::text, last_error from stripe_events where status not in ('processed', 'ignored') limit 3`;
      return `ledger ${JSON.stringify(await ledgerCounts(world.sql))}, Stripe ${events.length} events; e.g. ${JSON.stringify(rows)}`;
    },
  );
}

async function mirrorDrift(stripe: Stripe, customerIds: string[]): Promise<string[]> {
  const { findCatalogMirrorDrift, findCustomerMirrorDrift } = await import('@/lib/stripe-sync');
  const drift = [...(await findCatalogMirrorDrift({ stripe }))];
  for (const id of customerIds) drift.push(...(await findCustomerMirrorDrift(id, { stripe })));
  return drift.map((d) => `${d.table} ${d.id} ${d.problem}${d.columns ? ` (${d.columns.join(', ')})` : ''}`);
}

// ── 1. kill -9 of the app server during a webhook burst ─────────────────────────────────────────────────────
async function checkWebhookBurstKill(world: World): Promise<BillingCustomer[]> {
  const { stripe, sql } = world;
  const tag = randomBytes(3).toString('hex');
  const product = await stripe.products.create({ name: `Faults plan ${tag}` });
  const price = await stripe.prices.create({ product: product.id, currency: 'jpy', unit_amount: 2200, recurring: { interval: 'month' } });
  const total = 24;
  const failingCard = (i: number) => i % 6 === 5;
  const canceled = (i: number) => i % 6 === 0;
  const customers: BillingCustomer[] = [];
  const createOne = async (i: number) => {
    const [org] = await sql<{ id: string }[]>`
      insert into organizations (id, name, currency, billing_email) values (gen_random_uuid()::text, ${`Faults ${i} KK`}, 'jpy', ${`faults-${i}-${tag}@seikyu.test`}) returning id`;
    const customer = await stripe.customers.create({ name: `Faults ${i}`, email: `faults-${i}-${tag}@seikyu.test`, metadata: { organization_id: org!.id } });
    await sql`update organizations set stripe_customer_id = ${customer.id} where id = ${org!.id}`;
    customers.push({ organizationId: org!.id, customerId: customer.id, index: i });
    const card = await stripe.paymentMethods.attach(failingCard(i) ? 'pm_card_chargeCustomerFail' : 'pm_card_visa', { customer: customer.id });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: card.id } });
    const subscription = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
    if (canceled(i)) await stripe.subscriptions.cancel(subscription.id);
  };
  // Stripe activity goes on whatever happens to the app; the emulator queues and retries its deliveries.
  let next = 0;
  const activity = Promise.all(Array.from({ length: 6 }, async () => {
    while (next < total) await createOne(next++);
  }));

  // Kill while the server holds work: events recorded, some of them still pending or being processed.
  // Two unfinished events make it likely that some are still unfinished a moment later, at the kill; a fast
  // machine that never holds two gets the kill at one after 10 s.
  const burstStarted = Date.now();
  const atKill = await until('the app to be mid-burst (events recorded, some unfinished)', 60_000, async () => {
    const counts = await ledgerCounts(sql);
    const recorded = Object.values(counts).reduce((a, b) => a + b, 0);
    const unfinished = (counts.pending ?? 0) + (counts.processing ?? 0);
    return recorded >= 60 && unfinished >= (Date.now() - burstStarted > 10_000 ? 1 : 2) ? counts : null;
  });
  await killHard(world.app);
  const [{ killedAt }] = await sql<{ killedAt: Date }[]>`select now() as "killedAt"`;
  const stripeEventsAtKill = (await allStripeEvents(stripe)).length;
  log(`webhooks: app server killed (SIGKILL) mid-burst — Stripe had sent ${stripeEventsAtKill} events; ledger ${JSON.stringify(atKill)}`);

  await sleep(1_000);
  world.app = await startApp(world);
  log('webhooks: app server restarted on the same port');
  await activity;
  await until('the emulator to deliver every webhook', 60_000, async () => (await emulatorDeliveriesPending(world.emulatorUrl)) === 0);
  // The killed server's claims: moved past their lease and grace, then taken over by the worker's job.
  const stale = await sql<{ id: string }[]>`
    update stripe_events set locked_until = now() - interval '1 second', next_attempt_at = now() - interval '1 second'
     where (status = 'processing' and locked_until <= ${killedAt}::timestamptz + interval '301 seconds')
        or (status = 'pending' and received_at <= ${killedAt}::timestamptz)
    returning id`;
  await runJob(world, 'webhooks.process-due');
  const ledger = await waitForLedgerConverged(world, 60_000);
  log(`webhooks: ${ledger.events} events, all recorded and processed; ${stale.length} abandoned by the killed server were taken over; ${ledger.attemptsAbove1} took a second attempt`);

  const drift = await mirrorDrift(stripe, customers.map((c) => c.customerId));
  if (drift.length > 0) fail(`webhooks: the mirror differs from Stripe after the kill: ${drift.slice(0, 5).join('; ')}`);
  const doubledAudit = await sql<{ actor_id: string; action: string; n: number }[]>`
    select actor_id, action, count(*)::int as n from audit_log where actor_type = 'stripe' group by 1, 2 having count(*) > 1`;
  if (doubledAudit.length > 0) fail(`webhooks: audit entries written twice: ${doubledAudit.slice(0, 3).map((d) => `${d.action} ${d.actor_id}×${d.n}`).join(', ')}`);
  const [audit] = await sql<{ canceled: number; failed: number; failedEvents: number }[]>`
    select count(*) filter (where action = 'subscription.canceled')::int as canceled,
           count(*) filter (where action = 'invoice.payment_failed')::int as failed,
           (select count(*)::int from stripe_events where type = 'invoice.payment_failed') as "failedEvents"
      from audit_log where actor_type = 'stripe'`;
  const cancellations = customers.filter((c) => canceled(c.index)).length;
  if (audit!.canceled !== cancellations) fail(`webhooks: ${audit!.canceled} subscription.canceled audit entries for ${cancellations} cancellations`);
  if (audit!.failed !== audit!.failedEvents) fail(`webhooks: ${audit!.failed} invoice.payment_failed audit entries for ${audit!.failedEvents} events`);
  const paid = (await Promise.all(customers.map((c) => stripe.invoices.list({ customer: c.customerId, status: 'paid', limit: 100 })))).flatMap((l) => l.data).filter((i) => i.amount_paid > 0);
  const [notes] = await sql<{ n: number }[]>`select count(*)::int as n from notifications where kind = 'payment_succeeded'`;
  if (notes!.n !== paid.length) fail(`webhooks: ${notes!.n} payment_succeeded notifications for ${paid.length} paid invoices`);
  log(
    `webhooks: mirror equals Stripe for ${customers.length} customers (${drift.length} differences); audit once per event ` +
      `(${audit!.canceled} cancellations, ${audit!.failed} payment failures); ${notes!.n} receipts queued for ${paid.length} paid invoices`,
  );
  return customers.sort((a, b) => a.index - b.index);
}

// ── 2. kill -9 of the worker while it reports usage ──────────────────────────────────────────────────────────
async function seedUsageCustomers(world: World, count: number, historyHours: number): Promise<UsageCustomer[]> {
  const { stripe, sql } = world;
  await seedCatalogue(world.pg.url);
  const [{ LOOKUP_KEYS }, { syncStripeCustomer }, { generateApiKey }] = await Promise.all([
    import('@/lib/demo/catalog'),
    import('@/lib/stripe-sync'),
    import('@/lib/usage/api-key-format'),
  ]);
  const price = (await stripe.prices.list({ lookup_keys: [LOOKUP_KEYS.onDemandDeviceHours] })).data[0];
  if (!price) throw new Error('the seeded catalogue has no on-demand device-hours price');
  const customers: UsageCustomer[] = [];
  for (let i = 0; i < count; i++) {
    const [org] = await sql<{ id: string }[]>`
      insert into organizations (id, name, currency, billing_email) values (gen_random_uuid()::text, ${`Usage ${i} KK`}, 'jpy', ${`usage-${i}@seikyu.test`}) returning id`;
    const customer = await stripe.customers.create({ name: `Usage ${i}`, email: `usage-${i}@seikyu.test`, metadata: { organization_id: org!.id } });
    const subscription = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], metadata: { organization_id: org!.id } });
    await sql`update organizations set stripe_customer_id = ${customer.id} where id = ${org!.id}`;
    await syncStripeCustomer(customer.id, undefined, { stripe });
    const key = generateApiKey();
    await sql`insert into api_keys (organization_id, name, prefix, key_hash) values (${org!.id}, 'faults', ${key.prefix}, ${key.keyHash})`;
    customers.push({ organizationId: org!.id, customerId: customer.id, key: key.key, anchor: new Date(subscription.billing_cycle_anchor * 1000) });
  }
  // The webhooks of these subscriptions are processed before the backdating below, which they would undo.
  await waitForLedgerConverged(world, 60_000);
  // The emulator cannot backdate a subscription: its mirror starts `historyHours` earlier, so those hours are closed windows to report.
  const shift = historyHours * 3600;
  await sql`
    update stripe_subscriptions set stripe_created = stripe_created - make_interval(secs => ${shift}),
      data = data || jsonb_build_object('start_date', (data->>'start_date')::bigint - ${shift}, 'billing_cycle_anchor', (data->>'billing_cycle_anchor')::bigint - ${shift})
     where organization_id in ${sql(customers.map((c) => c.organizationId))}`;
  return customers;
}

async function postUsage(world: World, customer: UsageCustomer, events: { value: number; at: Date; identifier: string }[]): Promise<number> {
  let accepted = 0;
  for (let i = 0; i < events.length; i += 1000) {
    const body = { events: events.slice(i, i + 1000).map((e) => ({ meter: METER, value: e.value, timestamp: Math.floor(e.at.getTime() / 1000), identifier: e.identifier })) };
    const response = await fetch(`${world.appUrl}/api/v1/usage-events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${customer.key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 202) throw new Error(`the usage API answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
    accepted += ((await response.json()) as { accepted: number }).accepted;
  }
  return accepted;
}

/** Per customer: what Stripe's meter holds, what Seikyu recorded as reported, and what it accepted. */
async function usageAccounts(world: World, customers: UsageCustomer[], historyHours: number): Promise<{ customer: UsageCustomer; stripe: number; reported: number; accepted: number }[]> {
  const meter = (await world.stripe.billing.meters.list({ limit: 100 })).data.find((m) => m.event_name === METER && m.status === 'active');
  if (!meter) throw new Error(`no active ${METER} meter in the emulator`);
  const minute = 60;
  const start = Math.floor((Date.now() - (historyHours + 3) * HOUR) / 1000 / minute) * minute;
  const end = (Math.floor(Date.now() / 1000 / minute) + 2) * minute;
  return Promise.all(
    customers.map(async (customer) => {
      const summaries = await world.stripe.billing.meters.listEventSummaries(meter.id, { customer: customer.customerId, start_time: start, end_time: end, limit: 100 });
      const [row] = await world.sql<{ reported: string; accepted: string }[]>`
        select (select coalesce(sum(reported_value), 0)::text from usage_report_windows where organization_id = ${customer.organizationId}) as reported,
               (select coalesce(sum(value), 0)::text from usage_events where organization_id = ${customer.organizationId}) as accepted`;
      return { customer, stripe: summaries.data.reduce((sum, s) => sum + s.aggregated_value, 0), reported: Number(row!.reported), accepted: Number(row!.accepted) };
    }),
  );
}

async function checkUsageReportKill(world: World): Promise<{ customers: UsageCustomer[]; historyHours: number }> {
  const historyHours = 60;
  const customers = await seedUsageCustomers(world, 3, historyHours);
  // Integer values over the closed hours before the subscription really started (its windows were shifted back).
  let accepted = 0;
  for (const [c, customer] of customers.entries()) {
    const from = customer.anchor.getTime() - historyHours * HOUR + 60_000;
    const to = customer.anchor.getTime() - 60_000;
    const events = Array.from({ length: 900 }, (_, i) => ({ value: 1 + ((i * 7 + c) % 5), at: new Date(from + Math.floor(((to - from) * i) / 900)), identifier: `faults-${c}-${i}` }));
    accepted += await postUsage(world, customer, events);
  }
  log(`usage: ${accepted} events accepted for ${customers.length} metered customers over ${historyHours} closed hours`);

  const jobId = await world.boss.send('usage.report', {});
  const atKill = await until('the worker to be mid-report', 60_000, async () => {
    const [row] = await world.sql<{ reported: number; pending: number }[]>`
      select count(*) filter (where report_sequence > 0)::int as reported, count(*) filter (where pending_sequence is not null)::int as pending from usage_report_windows`;
    return row!.reported >= 20 ? row! : null;
  });
  await killHard(world.worker);
  const [windows] = await world.sql<{ reported: number; pending: number }[]>`
    select count(*) filter (where report_sequence > 0)::int as reported, count(*) filter (where pending_sequence is not null)::int as pending from usage_report_windows`;
  const [job] = await world.sql<{ state: string }[]>`select state::text from pgboss.job where id = ${jobId!}`;
  log(`usage: worker killed (SIGKILL) during usage.report (job ${job?.state}) — ${windows!.reported} windows reported, ${windows!.pending} report(s) claimed and unrecorded (${atKill.reported} when the kill was decided)`);
  if (job?.state === 'completed') fail('usage: the report finished before the worker was killed: the check proved nothing (more history hours?)');

  world.worker = startWorker(world.env);
  // The killed reporter's claim, moved past its lease; the next report re-sends it under the same identifier.
  await world.sql`update usage_report_windows set pending_lease_until = now() - interval '1 second' where pending_sequence is not null`;
  await runJob(world, 'usage.report', 90_000);
  const accounts = await usageAccounts(world, customers, historyHours);
  const [after] = await world.sql<{ windows: number; corrections: number; pending: number }[]>`
    select count(*)::int as windows, count(*) filter (where report_sequence > 1)::int as corrections, count(*) filter (where pending_sequence is not null)::int as pending from usage_report_windows`;
  for (const a of accounts) {
    if (a.stripe !== a.accepted || a.reported !== a.accepted) fail(`usage: ${a.customer.customerId}: Stripe holds ${a.stripe}, Seikyu reported ${a.reported}, accepted ${a.accepted}`);
  }
  if (after!.pending > 0) fail(`usage: ${after!.pending} reports still pending after the restart`);
  log(
    `usage: after the restart ${after!.windows} customer·meter·hour windows reported (${after!.corrections} with a second report); Stripe's sums ` +
      accounts.map((a) => `${a.stripe}/${a.accepted}`).join(', ') + ' (Stripe/accepted)',
  );
  return { customers, historyHours };
}

// ── 3. PostgreSQL restarted under load ───────────────────────────────────────────────────────────────────────
type Sample = { kind: 'page' | 'webhook'; startedAt: number; ms: number; status: number | 'timeout' | 'error' };

function signedDelivery(template: Stripe.Event, id: string): { headers: Record<string, string>; body: string } {
  const body = JSON.stringify({ ...template, id });
  const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: WEBHOOK_SECRET, timestamp: Math.floor(Date.now() / 1000) });
  return { headers: { 'content-type': 'application/json', 'stripe-signature': header }, body };
}

async function timedRequest(kind: Sample['kind'], url: string, init: RequestInit): Promise<Sample> {
  const startedAt = Date.now();
  try {
    const response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(20_000) });
    await response.arrayBuffer();
    return { kind, startedAt, ms: Date.now() - startedAt, status: response.status };
  } catch (error) {
    return { kind, startedAt, ms: Date.now() - startedAt, status: (error as Error).name === 'TimeoutError' ? 'timeout' : 'error' };
  }
}

async function checkPostgresRestart(world: World, member: { cookie: string; organizationId: string }, template: Stripe.Event): Promise<void> {
  const samples: Sample[] = [];
  let running = true;
  let copy = 0;
  const page = () => timedRequest('page', `${world.appUrl}/orgs/${member.organizationId}`, { headers: { cookie: member.cookie } });
  const webhook = () => {
    const delivery = signedDelivery(template, `evt_faults_pg_${copy++}`);
    return timedRequest('webhook', `${world.appUrl}/api/webhooks/stripe`, { method: 'POST', headers: delivery.headers, body: delivery.body });
  };
  const loops = [page, page, webhook].map(async (request) => {
    while (running) {
      samples.push(await request());
      await sleep(50);
    }
  });

  await sleep(1_500);
  const stopStarted = Date.now();
  await world.pg.stop();
  await sleep(4_000);
  await world.pg.start();
  const restartedAt = Date.now();
  log(`postgres: stopped (pg_ctl stop -m fast) and started again after ${((restartedAt - stopStarted) / 1000).toFixed(1)}s, under load`);
  const recovered = await until('pages and webhooks to succeed again', 30_000, async () => {
    const recent = samples.filter((s) => s.startedAt > restartedAt);
    const pageOk = recent.some((s) => s.kind === 'page' && s.status === 200);
    const hookOk = recent.some((s) => s.kind === 'webhook' && s.status === 200);
    return pageOk && hookOk ? Date.now() : null;
  }).catch((error: Error) => {
    fail(`postgres: ${error.message}`);
    return null;
  });
  await sleep(1_000);
  running = false;
  await Promise.all(loops);

  // Every connection of the app's pool works again: more requests at once than it has connections.
  const burst = await Promise.all(Array.from({ length: 10 }, () => page()));
  const burstFailed = burst.filter((b) => b.status !== 200);
  const burstSlowest = Math.max(...burst.map((b) => b.ms));
  if (burstFailed.length > 0 || burstSlowest > 5_000) fail(`postgres: after the restart ${burstFailed.length} of 10 simultaneous page views failed, slowest ${burstSlowest} ms`);

  const outage = samples.filter((s) => s.startedAt >= stopStarted && s.startedAt < restartedAt);
  const failedClearly = outage.filter((s) => typeof s.status === 'number' && s.status >= 500);
  const hung = samples.filter((s) => s.status === 'timeout');
  const slowest = Math.max(0, ...outage.map((s) => s.ms));
  const statuses = [...new Set(outage.map((s) => String(s.status)))].join(', ');
  if (outage.length === 0) fail('postgres: no request was made during the outage');
  if (hung.length > 0) fail(`postgres: ${hung.length} requests hung (no answer within 20 s)`);
  if (outage.some((s) => s.status === 'error')) fail('postgres: a request during the outage lost its connection instead of getting an error status');
  if (slowest > 10_000) fail(`postgres: a request during the outage took ${slowest} ms to fail`);
  if (world.app.child.exitCode !== null || world.worker.child.exitCode !== null) fail('postgres: the app server or the worker exited during the outage');
  log(
    `postgres: ${outage.length} requests during the outage: ${failedClearly.length} answered an error status (${statuses}), slowest ${slowest} ms, ${hung.length} hung; ` +
      (recovered ? `the same processes served pages and webhooks again ${((recovered - restartedAt) / 1000).toFixed(1)}s after the restart` : 'no recovery') +
      `; then 10 simultaneous page views: ${burst.length - burstFailed.length} × 200, slowest ${burstSlowest} ms`,
  );

  // Deliveries accepted (recorded) but whose processing the outage interrupted are left to the worker by design
  // (pending past a grace, failed past a backoff, or processing past a lease): moved past those, then its job runs.
  const accepted = samples.filter((s) => s.kind === 'webhook' && s.status === 200).length;
  await sleep(2_000);
  const interrupted = await world.sql<{ status: string; n: number }[]>`
    select status::text, count(*)::int as n from stripe_events where id like 'evt_faults_pg_%' and status not in ('processed', 'ignored') group by 1`;
  await world.sql`
    update stripe_events set locked_until = now() - interval '1 second', next_attempt_at = now() - interval '1 second'
     where id like 'evt_faults_pg_%' and status in ('pending', 'processing', 'failed')`;
  await runJob(world, 'webhooks.process-due', 30_000).catch((error: Error) => fail(`postgres: the worker did not run a job after the restart: ${error.message}`));
  const [left] = await world.sql<{ n: number }[]>`select count(*)::int as n from stripe_events where id like 'evt_faults_pg_%' and status not in ('processed', 'ignored')`;
  if (left!.n > 0) fail(`postgres: ${left!.n} webhook events accepted around the restart were never processed`);
  log(
    `postgres: ${accepted} webhook deliveries accepted around the outage, all processed (${interrupted.map((r) => `${r.n} ${r.status}`).join(', ') || 'none'} ` +
      'interrupted by the outage, finished by the worker\'s next run); the worker runs jobs again',
  );
}

// ── 4. Stripe unreachable ────────────────────────────────────────────────────────────────────────────────────
async function checkStripeUnavailable(
  world: World,
  member: { cookie: string; organizationId: string; customerId: string },
  billingCustomers: BillingCustomer[],
  usage: { customers: UsageCustomer[]; historyHours: number },
): Promise<void> {
  const { stripe, sql } = world;
  // An open invoice the member could pay with the card on file.
  const draft = await stripe.invoices.create({ customer: member.customerId, currency: 'jpy', auto_advance: false, collection_method: 'send_invoice', days_until_due: 30 });
  await stripe.invoiceItems.create({ customer: member.customerId, invoice: draft.id, amount: 5_500, currency: 'jpy', description: 'Faults workshop' });
  const invoice = await stripe.invoices.finalizeInvoice(draft.id, { auto_advance: false });
  await until('the open invoice in the mirror', 30_000, async () => {
    const [row] = await sql<{ status: string }[]>`select status from stripe_invoices where id = ${invoice.id}`;
    return row?.status === 'open';
  });
  await waitForLedgerConverged(world, 30_000);
  const chargesBefore = (await stripe.charges.list({ customer: member.customerId, limit: 100 })).data.length;

  await world.stripeProxy.cut();
  await world.hookProxy.cut();
  log('stripe: both connections to Stripe cut (API calls refused, webhook deliveries failing); the emulator keeps its state');

  const org = `${world.appUrl}/orgs/${member.organizationId}`;
  const pages = [org, `${org}/invoices`, `${org}/invoices/${invoice.id}`, `${org}/subscription`, `${org}/payment-methods`, `${org}/plans`, `${org}/usage`];
  const rendered: string[] = [];
  for (const url of pages) {
    const sample = await timedRequest('page', url, { headers: { cookie: member.cookie } });
    if (sample.status !== 200) fail(`stripe: ${new URL(url).pathname} answered ${sample.status} while Stripe was unreachable (it renders from the mirror)`);
    else rendered.push(`${new URL(url).pathname.replace(member.organizationId, ':org')} ${sample.ms} ms`);
  }
  log(`stripe: ${rendered.length}/${pages.length} portal pages rendered from the mirror: ${rendered.join(', ')}`);

  const started = Date.now();
  const answer = await callServerAction(`${org}/invoices/${invoice.id}`, serverActionId('payInvoiceAction'), { organizationId: member.organizationId, invoiceId: invoice.id, attempt: randomUUID() }, { cookie: member.cookie });
  const actionMs = Date.now() - started;
  const messages = JSON.parse(readFileSync(join(repoRoot, 'messages/en.json'), 'utf8')) as { errors: Record<string, string> };
  const expected = messages.errors.stripe_unavailable!;
  if (!answer.body.includes('"code":"stripe_unavailable"') || !answer.body.includes(expected)) {
    fail(`stripe: paying an invoice did not answer stripe_unavailable with "${expected}" (HTTP ${answer.status}): ${answer.body.slice(0, 300)}`);
  }
  const after = await stripe.invoices.retrieve(invoice.id);
  const chargesAfter = (await stripe.charges.list({ customer: member.customerId, limit: 100 })).data.length;
  const [mirrored] = await sql<{ status: string }[]>`select status from stripe_invoices where id = ${invoice.id}`;
  const [paidAudit] = await sql<{ n: number }[]>`select count(*)::int as n from audit_log where action = 'invoice.paid_by_customer' and target_id = ${invoice.id}`;
  if (after.status !== 'open' || after.amount_paid !== 0 || chargesAfter !== chargesBefore) fail(`stripe: something was charged: invoice ${after.status}, paid ${after.amount_paid}, charges ${chargesBefore} → ${chargesAfter}`);
  if (mirrored?.status !== 'open' || paidAudit!.n !== 0) fail(`stripe: the invoice was recorded as paid (mirror ${mirrored?.status}, ${paidAudit!.n} audit entries)`);
  log(`stripe: paying an invoice answered stripe_unavailable in ${actionMs} ms ("${expected}"); the invoice is still open in Stripe and the mirror, no charge, no audit entry`);

  // Meanwhile in Stripe (the Dashboard): customers renamed. Their webhooks cannot get through yet.
  const renamed = billingCustomers.slice(1, 4);
  for (const c of renamed) await stripe.customers.update(c.customerId, { name: `Faults ${c.index} renamed` });
  // Meanwhile in Seikyu: late usage for windows already reported (a correction each), reported while Stripe is away.
  for (const [c, customer] of usage.customers.entries()) {
    await postUsage(world, customer, [{ value: 3, at: new Date(customer.anchor.getTime() - 90 * 60_000), identifier: `faults-late-${c}` }]);
  }
  await runJob(world, 'usage.report', 90_000);
  const during = await usageAccounts(world, usage.customers, usage.historyHours);
  const [pendingDuring] = await sql<{ n: number }[]>`select count(*)::int as n from usage_report_windows where pending_sequence is not null`;
  for (const a of during) if (a.stripe !== a.accepted - 3) fail(`stripe: ${a.customer.customerId}: Stripe's meter changed while unreachable (${a.stripe})`);
  log(`stripe: usage.report ran while Stripe was unreachable: ${pendingDuring!.n} corrections left pending, nothing sent`);

  await world.stripeProxy.open();
  await world.hookProxy.open();
  const reopened = Date.now();
  await runJob(world, 'usage.report', 90_000);
  const ledger = await waitForLedgerConverged(world, 60_000);
  const drift = await mirrorDrift(stripe, billingCustomers.map((c) => c.customerId));
  if (drift.length > 0) fail(`stripe: the mirror differs from Stripe after it came back: ${drift.slice(0, 5).join('; ')}`);
  const names = await sql<{ name: string }[]>`select name from stripe_customers where id in ${sql(renamed.map((c) => c.customerId))}`;
  if (names.filter((n) => n.name.endsWith('renamed')).length !== renamed.length) fail(`stripe: the renames made during the outage did not reach the mirror (${JSON.stringify(names)})`);
  const accounts = await usageAccounts(world, usage.customers, usage.historyHours);
  for (const a of accounts) if (a.stripe !== a.accepted) fail(`stripe: ${a.customer.customerId}: after Stripe came back it holds ${a.stripe}, accepted ${a.accepted}`);
  log(
    `stripe: back after the cut — within ${((Date.now() - reopened) / 1000).toFixed(1)}s the ${renamed.length} renames arrived by webhook (${ledger.events} events all processed, ` +
      `mirror differences ${drift.length}) and the corrections were reported: Stripe/accepted ${accounts.map((a) => `${a.stripe}/${a.accepted}`).join(', ')}`,
  );
}

async function main(): Promise<void> {
  if (!hasNextBuild()) throw new Error('No production build in .next: run `npx next build` first.');
  if (!findPostgresBinDir()) throw new Error('PostgreSQL binaries not found: apt-get install -y postgresql');

  const pg = await startThrowawayPostgres();
  closers.push(() => pg.close());
  await migrateDatabase(pg.url);
  const sql = postgres(pg.url, { max: 3, onnotice: () => {} });
  closers.push(() => sql.end({ timeout: 1 }));

  const [appPort, emulatorPort, stripeProxyPort, hookProxyPort] = await Promise.all([findFreePort(), findFreePort(), findFreePort(), findFreePort()]);
  const appUrl = `http://127.0.0.1:${appPort}`;
  const hookProxy = await startTcpProxy({ port: hookProxyPort, targetPort: appPort });
  closers.push(() => hookProxy.close());
  const emulator = await startEmulatorProcess({ port: emulatorPort, webhookUrl: `${hookProxy.url}/api/webhooks/stripe`, webhookSecret: WEBHOOK_SECRET, echo });
  processes.push(emulator);
  // Deliveries that fail (the app killed, Stripe cut off) are retried every second or two, not after minutes.
  await fetch(`${emulator.url}/_emulator/chaos`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ retry_schedule_ms: [500, 1000, ...Array.from({ length: 60 }, () => 2000)], timeout_ms: 5000 }),
  });
  const stripeProxy = await startTcpProxy({ port: stripeProxyPort, targetPort: emulatorPort });
  closers.push(() => stripeProxy.close());

  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    DATABASE_URL: pg.url,
    DATABASE_POOL_MAX: '5',
    STRIPE_EMULATOR_URL: stripeProxy.url,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    APP_URL: appUrl,
    AUTH_URL: appUrl,
    AUTH_SECRET: randomBytes(32).toString('hex'),
    AUTH_TRUST_HOST: 'true',
    DEV_MAILBOX_ENABLED: '1',
    // One job runner, the worker, so killing it stops the reporting; the app server only serves.
    JOBS_IN_APP: '0',
    JOBS_POLL_SECONDS: '0.5',
    USAGE_API_RATE_LIMIT: '100000',
  };
  // This process reads Stripe and the database directly (setup and the checks), not through the proxies.
  Object.assign(process.env, { STRIPE_EMULATOR_URL: emulator.url, DATABASE_URL: pg.url });
  delete process.env.STRIPE_SECRET_KEY;
  const { createStripeClient } = await import('@/lib/stripe/client');
  const stripe = createStripeClient();

  const worker = startWorker(env);
  const app = await startApp({ appPort, env });
  const boss = new PgBoss({ connectionString: pg.url, schema: 'pgboss', max: 1, supervise: false, schedule: false, migrate: false });
  boss.on('error', () => {});
  await until('the worker to create its queues', 60_000, async () => {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from pgboss.queue where name in ('usage.report', 'webhooks.process-due')`;
    return row!.n === 2;
  });
  await boss.start();
  closers.push(() => boss.stop({ graceful: false, wait: false }));
  const world: World = { pg, sql, boss, stripe, emulatorUrl: emulator.url, stripeProxy, hookProxy, appPort, appUrl, env, app, worker };
  log('PostgreSQL, the emulator, the app server, the worker and two proxies up');

  const billingCustomers = await checkWebhookBurstKill(world);
  const usage = await checkUsageReportKill(world);

  // A signed-in owner of a paying organization (a database session, as a sign-in link makes).
  const owner = billingCustomers.find((c) => c.index % 6 !== 0 && c.index % 6 !== 5)!;
  const [user] = await sql<{ id: string }[]>`insert into users (id, email, name) values (gen_random_uuid()::text, 'owner@faults.seikyu.test', 'Faults Owner') returning id`;
  await sql`insert into memberships (organization_id, user_id, role) values (${owner.organizationId}, ${user!.id}, 'owner')`;
  const token = randomBytes(32).toString('hex');
  await sql`insert into sessions (session_token, user_id, expires) values (${token}, ${user!.id}, now() + interval '1 day')`;
  const member = { cookie: `authjs.session-token=${token}`, organizationId: owner.organizationId, customerId: owner.customerId };
  const template = (await allStripeEvents(stripe)).find((e) => e.type === 'customer.updated' && (e.data.object as Stripe.Customer).id === owner.customerId)!;

  await checkPostgresRestart(world, member, template);
  await checkStripeUnavailable(world, member, billingCustomers, usage);
}

main()
  .catch((error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)))
  .then(async () => {
    await stopAll();
    log(problems.length === 0 ? 'passed' : `${problems.length} problem(s)`);
    process.exit(problems.length === 0 ? 0 : 1);
  });
