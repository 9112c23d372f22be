// Several app servers (a check, run by `npm test` after the build as the `multi-server` step, about a minute):
// two `next start` servers against one PostgreSQL behind HAProxy (Debian's `haproxy` package), the layout of
// docs/deploying.md. It checks what only several servers can get wrong:
//  - a sign-in made through the load balancer is a session on both servers (database sessions, one AUTH_SECRET);
//  - each webhook event the emulator delivers through the load balancer is recorded and processed once
//    (`attempts` = 1: no server processed an event another had), and the mirror equals Stripe;
//  - each notification the events cause is sent once (one outbox row, one message), by whichever runner took it;
//  - both servers' job runners share the queues without doubles (pg-boss: no job of a cron slot twice).
// Needs a build (`npx next build`), PostgreSQL binaries and haproxy; says what is missing otherwise.
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { migrateDatabase } from '../db/migrate';
import { findFreePort } from './lib/free-port';
import { hasNextBuild, spawnManaged, startEmulatorProcess, startNext, waitForHttp, type ManagedProcess } from './lib/processes';
import { findPostgresBinDir, startThrowawayPostgres } from './lib/throwaway-postgres';

const WEBHOOK_SECRET = 'whsec_seikyu_emulator';
const processes: ManagedProcess[] = [];
const closers: (() => Promise<void>)[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'seikyu-multi-'));

async function stopAll(): Promise<void> {
  for (const proc of [...processes].reverse()) await proc.stop();
  for (const close of [...closers].reverse()) await close();
  rmSync(tmp, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stopAll().then(() => process.exit(130)));

function haproxyBinary(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v haproxy'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** The sample of docs/deploying.md, on loopback ports. */
export function haproxyConfig(options: { port: number; servers: { name: string; port: number }[] }): string {
  return [
    'global',
    '  maxconn 1024',
    'defaults',
    '  mode http',
    '  timeout connect 5s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  option forwardfor',
    'frontend seikyu',
    `  bind 127.0.0.1:${options.port}`,
    '  default_backend app',
    'backend app',
    '  balance roundrobin',
    '  option httpchk GET /health',
    '  http-check expect status 200',
    ...options.servers.map((s) => `  server ${s.name} 127.0.0.1:${s.port} check inter 1s fall 2 rise 1`),
    '',
  ].join('\n');
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null | undefined | false>, describe?: () => Promise<string>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${describe ? `: ${await describe()}` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A tiny cookie jar over fetch: what a browser keeps between requests to one origin. */
class Browser {
  private cookies = new Map<string, string>();
  async get(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader() } });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = pair!.split('=');
      this.cookies.set(name!.trim(), value.join('='));
    }
    return response;
  }
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  has(name: string): boolean {
    return this.cookies.has(name);
  }
}

async function main(): Promise<string[]> {
  if (!hasNextBuild()) throw new Error('No production build in .next: run `npx next build` first.');
  if (!findPostgresBinDir()) throw new Error('PostgreSQL binaries not found: apt-get install -y postgresql');
  const haproxy = haproxyBinary();
  if (!haproxy) throw new Error('haproxy not found: apt-get install -y haproxy');
  const t0 = Date.now();
  const problems: string[] = [];

  const pg = await startThrowawayPostgres();
  closers.push(() => pg.close());
  await migrateDatabase(pg.url);
  const sql = postgres(pg.url, { max: 2, onnotice: () => {} });
  closers.push(() => sql.end());

  const [lbPort, portA, portB, emulatorPort] = await Promise.all([findFreePort(), findFreePort(), findFreePort(), findFreePort()]);
  const lb = `http://localhost:${lbPort}`;
  const emulator = await startEmulatorProcess({
    port: emulatorPort,
    webhookUrl: `http://127.0.0.1:${lbPort}/api/webhooks/stripe`,
    webhookSecret: WEBHOOK_SECRET,
    echo: false,
  });
  processes.push(emulator);

  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    DATABASE_URL: pg.url,
    DATABASE_POOL_MAX: '5',
    STRIPE_EMULATOR_URL: emulator.url,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    APP_URL: lb,
    AUTH_URL: lb,
    AUTH_SECRET: randomBytes(32).toString('hex'),
    AUTH_TRUST_HOST: 'true',
    DEV_MAILBOX_ENABLED: '1',
    JOBS_POLL_SECONDS: '1',
  };
  const echo = process.env.MULTI_SERVER_LOG === '1';
  const [a, b] = await Promise.all([
    startNext({ mode: 'start', port: portA, env, echo, keepLines: 2000 }),
    startNext({ mode: 'start', port: portB, env, echo, keepLines: 2000 }),
  ]);
  processes.push(a, b);
  const config = join(tmp, 'haproxy.cfg');
  writeFileSync(config, haproxyConfig({ port: lbPort, servers: [{ name: 'a', port: portA }, { name: 'b', port: portB }] }));
  processes.push(spawnManaged({ name: 'haproxy', command: haproxy, args: ['-f', config, '-db'], env: { NODE_ENV: 'production' }, echo }));
  await waitForHttp(`${lb}/health`, { timeoutMs: 30_000 });
  console.log(`[multi-server] PostgreSQL, the emulator, two app servers and HAProxy up (${((Date.now() - t0) / 1000).toFixed(0)}s)`);

  // 1. Sign in through the load balancer (next-auth's email flow), then use the session on each server directly.
  const email = `multi-${randomBytes(3).toString('hex')}@seikyu.test`;
  const browser = new Browser();
  const { csrfToken } = (await (await browser.get(`${lb}/api/auth/csrf`)).json()) as { csrfToken: string };
  const since = new Date();
  const requested = await browser.get(`${lb}/api/auth/signin/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, csrfToken, callbackUrl: `${lb}/app` }).toString(),
  });
  if (requested.status >= 400) problems.push(`sign-in request answered ${requested.status}`);
  const link = await until('the sign-in mail', 20_000, async () => {
    const response = await fetch(`${lb}/dev/mailbox/api/latest?to=${encodeURIComponent(email)}`);
    if (!response.ok) return null;
    const mail = (await response.json()) as { links: string[]; createdAt: string };
    return new Date(mail.createdAt) >= new Date(since.getTime() - 1000) ? mail.links.find((l) => l.includes('/api/auth/callback/email')) : null;
  });
  await browser.get(link);
  if (!browser.has('authjs.session-token')) problems.push('the sign-in link set no session cookie');
  const [user] = await sql<{ id: string }[]>`select id from users where email = ${email}`;
  const [org] = await sql<{ id: string }[]>`insert into organizations (id, name, currency, billing_email) values (gen_random_uuid()::text, 'Multi KK', 'jpy', ${email}) returning id`;
  await sql`insert into memberships (organization_id, user_id, role) values (${org!.id}, ${user!.id}, 'owner')`;
  for (const [name, port] of [['a', portA], ['b', portB]] as const) {
    const page = await fetch(`http://127.0.0.1:${port}/orgs/${org!.id}`, { headers: { cookie: browser.cookieHeader() }, redirect: 'manual' });
    const body = await page.text();
    if (page.status !== 200 || !body.includes(email)) problems.push(`server ${name} did not know the session (HTTP ${page.status})`);
  }
  console.log('[multi-server] one sign-in through the load balancer is a session on both servers');

  // 2. Stripe activity: webhooks through the load balancer, a notification per paid invoice.
  // lib/env reads the environment once, at its first import: set it first.
  Object.assign(process.env, { STRIPE_EMULATOR_URL: emulator.url, DATABASE_URL: pg.url });
  delete process.env.STRIPE_SECRET_KEY;
  const { createStripeClient } = await import('@/lib/stripe/client');
  const stripe = createStripeClient();
  const product = await stripe.products.create({ name: 'Multi plan' });
  const price = await stripe.prices.create({ product: product.id, currency: 'jpy', unit_amount: 1500, recurring: { interval: 'month' } });
  const customers = 6;
  for (let n = 0; n < customers; n++) {
    // One organization per Stripe customer, as onboarding makes them; its notifications go to `email`.
    const [billed] = await sql<{ id: string }[]>`
      insert into organizations (id, name, currency, billing_email) values (gen_random_uuid()::text, ${`Multi ${n} KK`}, 'jpy', ${email}) returning id`;
    const customer = await stripe.customers.create({ email, name: `Multi ${n}`, metadata: { organization_id: billed!.id } });
    await sql`update organizations set stripe_customer_id = ${customer.id} where id = ${billed!.id}`;
    const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: card.id } });
    await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
  }
  const events: string[] = [];
  for await (const event of stripe.events.list({ limit: 100 })) events.push(event.id);
  const ledger = await until('every event processed', 60_000, async () => {
    const rows = await sql<{ id: string; status: string; attempts: number }[]>`select id, status::text, attempts from stripe_events`;
    return rows.length >= events.length && rows.every((r) => r.status === 'processed' || r.status === 'ignored') ? rows : null;
  });
  const missing = events.filter((id) => !ledger.some((r) => r.id === id));
  if (missing.length > 0) problems.push(`${missing.length} events never recorded`);
  const twice = ledger.filter((r) => r.attempts !== 1);
  if (twice.length > 0) problems.push(`${twice.length} events processed more than once: ${twice.slice(0, 3).map((r) => `${r.id}×${r.attempts}`).join(', ')}`);
  const [mirror] = await sql<{ subscriptions: number }[]>`select count(*)::int as subscriptions from stripe_subscriptions where organization_id is not null`;
  if (mirror!.subscriptions !== customers) problems.push(`the mirror holds ${mirror!.subscriptions} subscriptions of ${customers}`);
  console.log(`[multi-server] ${ledger.length} webhook events, each recorded and processed once`);

  // 3. Notifications: each outbox row sent once, one message each.
  // Every paid first invoice is a payment_succeeded notification to the organization's billing email.
  // Sent within seconds by the job the outbox row enqueued. If a server has no runner, its rows wait for the
  // outbox sweep (rows over 60 s old, every minute), so the wait covers up to two sweeps. That was seen when the
  // two servers' runners set pg-boss up at the same moment and one start failed on a deadlock (now serialised:
  // lib/jobs/runner.ts). What is checked is once each; a row over 30 s prints its jobs and the servers' logs.
  const outbox = await until('the notifications sent', 150_000, async () => {
    const rows = await sql<{ id: string; status: string; kind: string }[]>`select id, status::text, kind from notifications`;
    return rows.length > 0 && rows.every((r) => r.status === 'sent') ? rows : null;
  }, async () => JSON.stringify(await sql`select kind, status::text, count(*)::int from notifications group by 1, 2`));
  const [mailbox] = await sql<{ n: number }[]>`
    select count(*)::int as n from dev_mailbox where "to" = ${email} and subject not like '%Sign in%' and subject not like '%ログイン%'`;
  if (mailbox!.n !== outbox.length) problems.push(`${outbox.length} notifications, ${mailbox!.n} messages: a notification was sent twice or not at all`);
  console.log(`[multi-server] ${outbox.length} notifications (${[...new Set(outbox.map((r) => r.kind))].join(', ')}), ${mailbox!.n} messages: each sent once`);
  // How long each row took and how many attempts, so a slow run says whether its own job missed the row (one
  // attempt, sent by the sweep a minute later) or an attempt failed (its error).
  const timings = await sql<{ seconds: number; attempts: number; lastError: string | null }[]>`
    select extract(epoch from sent_at - created_at)::float as seconds, attempts, last_error as "lastError" from notifications order by created_at`;
  console.log(
    `[multi-server] notifications sent after ${timings.map((t) => `${t.seconds.toFixed(1)} s (${t.attempts} attempt${t.attempts === 1 ? '' : 's'}${t.lastError ? `, last error: ${t.lastError}` : ''})`).join('; ')}`,
  );
  // Each row's delivery jobs (pg-boss keeps finished ones): when a row waited for the sweep, whether its own job
  // was never sent, or ran (and when) without claiming it.
  if (timings.some((t) => t.seconds > 30)) {
    const jobs = await sql<{ notificationId: string; state: string; created: number; started: number | null; completed: number | null }[]>`
      select data->>'notificationId' as "notificationId", state::text,
             extract(epoch from created_on - n.created_at)::float as created,
             extract(epoch from started_on - n.created_at)::float as started,
             extract(epoch from completed_on - n.created_at)::float as completed
        from (select data, state, created_on, started_on, completed_on from pgboss.job where name = 'notifications.deliver'
              union all select data, state, created_on, started_on, completed_on from pgboss.archive where name = 'notifications.deliver') j
        join notifications n on n.id = j.data->>'notificationId'
       order by n.created_at, j.created_on`;
    const at = (s: number | null) => (s === null ? '–' : `${s.toFixed(1)} s`);
    console.log(
      `[multi-server] delivery jobs (times from the row's creation): ${jobs.length === 0 ? 'none' : jobs.map((j) => `${j.notificationId.slice(0, 8)} ${j.state} created ${at(j.created)} started ${at(j.started)} completed ${at(j.completed)}`).join('; ')}`,
    );    // And what the servers said about jobs and notifications (they run quiet unless MULTI_SERVER_LOG=1).
    for (const server of [a, b]) {
      const lines = server.recentLines().filter((line) => /\[(jobs|notifications)\]|error|Error/.test(line));
      console.log(`[multi-server] ${server.name} ${server.child.pid}: ${lines.length === 0 ? 'nothing about jobs or notifications' : `\n  ${lines.slice(-40).join('\n  ')}`}`);
    }
  }

  // 4. Jobs shared without doubles. A cron slot is (queue, slot time): one job each, whichever runner sent it.
  // A singleton key (e.g. usage.follow-up per organization) debounces: later jobs with the same key are new work,
  // but two with the same key must never run at the same time. Wait for at least one cron slot to have run (the
  // runners' cron fires on the minute), or the check proves nothing.
  const cron = await until('a scheduled job to run on one of the runners', 90_000, async () => {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from pgboss.job where singleton_on is not null and state = 'completed'`;
    return row!.n > 0 ? row!.n : null;
  });
  const slotDoubles = await sql<{ name: string; key: string; n: number }[]>`
    select name, concat_ws(' @ ', singleton_key, singleton_on::text) as key, count(*)::int as n
      from pgboss.job where singleton_on is not null
     group by name, singleton_key, singleton_on having count(*) > 1`;
  const overlaps = await sql<{ name: string; key: string }[]>`
    select a.name, a.singleton_key as key
      from pgboss.job a join pgboss.job b
        on a.name = b.name and a.singleton_key = b.singleton_key and a.id < b.id
       and a.started_on is not null and b.started_on is not null
       and a.started_on < coalesce(b.completed_on, now()) and b.started_on < coalesce(a.completed_on, now())`;
  if (slotDoubles.length > 0) problems.push(`cron slots ran twice: ${slotDoubles.map((d) => `${d.name} ${d.key}×${d.n}`).join(', ')}`);
  if (overlaps.length > 0) problems.push(`singleton jobs ran at once: ${overlaps.map((d) => `${d.name} ${d.key}`).join(', ')}`);
  if (slotDoubles.length === 0 && overlaps.length === 0) console.log(`[multi-server] ${cron} scheduled jobs across both runners, none twice; no singleton ran twice at once`);
  console.log(`[multi-server] done in ${((Date.now() - t0) / 1000).toFixed(0)}s`);
  return problems;
}

main()
  .then(async (problems) => {
    await stopAll();
    for (const p of problems) console.error(`[multi-server] FAIL ${p}`);
    console.log(problems.length === 0 ? '[multi-server] passed' : `[multi-server] ${problems.length} problems`);
    process.exit(problems.length === 0 ? 0 : 1);
  })
  .catch(async (error: unknown) => {
    console.error(`[multi-server] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await stopAll();
    process.exit(1);
  });
