// The doors: every route handler (app/**/route.ts) and every server action (each export of a 'use server' module)
// found from the code, so a new one cannot be forgotten, called as an anonymous visitor, as a member of another
// organization and as a member without the needed role. Each must refuse clearly (401/403/404, a redirect to
// sign-in, or an action's unauthenticated / not_found / forbidden error) and change nothing: the database and the
// Stripe emulator's request count are the same afterwards. Doors meant to be open are on PUBLIC_DOORS below, each
// with its reason; a door that is neither refused nor listed fails this test.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { memberships, operators, organizations, sessions, stripeCustomers, stripeInvoices, users } from '@/db/schema';
import { can, operatorCan, type MemberPermission, type OperatorPermission } from '@/lib/permissions';
import { closeTestDb, resetDatabase, stripeEmulatorUrl, testDb } from '@/test/integration/helpers';

// What Next.js provides per request, here per call: the caller's session cookie, and no revalidation.
const request = vi.hoisted(() => ({ cookie: null as string | null, revalidated: [] as string[] }));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (name === 'authjs.session-token' && request.cookie ? { name, value: request.cookie } : undefined),
    getAll: () => [],
    has: () => false,
    set: () => {},
    delete: () => {},
  }),
  headers: async () => new Headers({ 'accept-language': 'en' }),
}));
vi.mock('next/cache', () => ({
  revalidatePath: (path: string) => request.revalidated.push(path),
  revalidateTag: (tag: string) => request.revalidated.push(tag),
}));
vi.mock('next-intl/server', () => {
  const t = Object.assign((key: string) => `t:${key}`, { has: () => false, rich: (key: string) => key, raw: (key: string) => key });
  return {
    getTranslations: async () => t,
    getLocale: async () => 'en',
    getTimeZone: async () => 'UTC',
    getMessages: async () => ({}),
    getRequestConfig: (create: unknown) => create,
  };
});

// next-auth itself is not loaded here (it needs Next's module resolution); no door below may reach it.
vi.mock('@/lib/auth/auth', () => {
  const reached = async () => {
    throw new Error('doors: next-auth was reached');
  };
  return { MAGIC_LINK_MAX_AGE_SECONDS: 24 * 60 * 60, signIn: reached, signOut: reached, auth: async () => null, enabledOAuthProviders: () => [] };
});

const root = join(import.meta.dirname, '../..');

/** Doors that answer strangers on purpose. Reviewed: add an entry only with the reason and what protects it. */
const PUBLIC_DOORS: Record<string, string> = {
  // Route handlers
  'app/api/auth/[...nextauth]/route.ts GET': 'next-auth: sign-in pages, providers and the session endpoint answer everyone by design',
  'app/api/auth/[...nextauth]/route.ts POST': 'next-auth: sign-in requests (CSRF token checked by next-auth; email links rate limited by signInWithEmailAction)',
  'app/api/webhooks/stripe/route.ts POST': 'Stripe webhooks: no session, every delivery must carry a valid Stripe-Signature (an unsigned one is refused below)',
  'app/api/webhooks/stripe/thin/route.ts POST': "Stripe's v2 thin event notifications: no session, every delivery must carry a valid Stripe-Signature for the thin-event secret (an unsigned one is refused below)",
  'app/dev/mailbox/api/latest/route.ts GET': 'the development mailbox: only when DEV_MAILBOX_ENABLED (off in production), for tests and the demo',
  'app/branding/logo/route.ts GET': 'the company logo emails show: mail clients fetch it without a session; the same image is printed on every invoice',
  'app/payee/onboarding/return/route.ts GET': "the return from Stripe's hosted onboarding: re-reads only the signed-in payee's own account; anyone else is sent to /payee, which asks them to sign in",
  // The public usage API (bearer keys) and the Stripe App endpoint (Stripe signatures) are not listed: without a
  // key or a signature they refuse like any other door (checked below); their own tests cover keys, signatures
  // and rate limits.
  // Server actions
  'lib/actions/sign-in-with-email.ts signInWithEmailAction': 'signing in is for visitors; links to one address are rate limited (sign-in-with-email tests)',
  'lib/actions/sign-in-with-provider.ts signInWithProviderAction': 'signing in is for visitors: redirects to the configured OAuth provider',
  'lib/actions/sign-out.ts signOutAction': 'signing out ends only the caller\'s own session',
  'lib/actions/sign-out.ts signOutFromForm': 'the header\'s sign-out form: signOutAction, posted by a plain form',
  'lib/actions/set-locale.ts setLocaleAction': 'the interface language: a cookie for visitors, the caller\'s own saved language when signed in',
  'lib/actions/set-locale.ts setLocaleFromForm': 'the header\'s language buttons: setLocaleAction, posted by a plain form',
  'lib/actions/create-organization.ts createOrganizationAction': 'any signed-in person may create an organization of their own (still refused to visitors)',
};

function files(dir: string, match: (path: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : files(path, match);
    return match(path) ? [path] : [];
  });
}
const rel = (path: string) => relative(root, path).split(sep).join('/');

/** Route handlers and the HTTP methods they export. */
const routeHandlers = files(join(root, 'app'), (p) => p.endsWith(`${sep}route.ts`)).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/export (?:async function|const \{?)\s*([A-Z, ]+)\b/g)]
    .flatMap((m) => m[1]!.split(',').map((s) => s.trim()))
    .filter((method) => ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method))
    .map((method) => ({ file: rel(file), method })),
);

type ActionDoor = { file: string; name: string; client: string; permission?: MemberPermission; operatorPermission?: OperatorPermission };
/** Every export of a 'use server' module under lib/ and app/, with the client it is built on and its metadata. */
const serverActions: ActionDoor[] = [...files(join(root, 'lib'), (p) => /\.tsx?$/.test(p)), ...files(join(root, 'app'), (p) => /\.tsx?$/.test(p))]
  .filter((file) => !/\.test\.tsx?$/.test(file) && /^\s*(\/\/[^\n]*\n\s*)*['"]use server['"]/.test(readFileSync(file, 'utf8')))
  .flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    return [...source.matchAll(/export (?:const|async function|function) (\w+)/g)].map((m) => {
      const rest = source.slice(m.index);
      const client = /^export const \w+\s*=\s*(\w+)/.exec(rest)?.[1] ?? 'function';
      const metadata = /\.metadata\(\{([^}]*)\}\)/.exec(rest)?.[1] ?? '';
      return {
        file: rel(file),
        name: m[1]!,
        client,
        permission: /(?<!operatorP)permission:\s*'([^']+)'/.exec(metadata)?.[1] as MemberPermission | undefined,
        operatorPermission: /operatorPermission:\s*'([^']+)'/.exec(metadata)?.[1] as OperatorPermission | undefined,
      };
    });
  });

type Caller = 'anonymous' | 'stranger' | 'member' | 'support';
const world = { victimOrg: '', otherOrg: '', invoiceId: 'in_doors_victim', customerId: 'cus_doors_victim', cookies: {} as Record<Caller, string | null> };

async function fingerprint(): Promise<string> {
  const tables = await testDb().execute<{ name: string }>(sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`);
  const parts: string[] = [];
  for (const { name } of tables) {
    const [row] = await testDb().execute<{ md5: string | null }>(sql.raw(`select md5(string_agg(t::text, '|' order by t::text)) as md5 from "${name}" t`));
    parts.push(`${name}:${row?.md5 ?? ''}`);
  }
  return parts.join('\n');
}
async function stripeRequests(): Promise<number> {
  const response = await fetch(`${stripeEmulatorUrl()}/_emulator/requests/count`);
  return ((await response.json()) as { count: number }).count;
}

/** Runs `call` as `caller` and checks it changed nothing; returns what it answered. */
async function asCaller<T>(caller: Caller, call: () => Promise<T>): Promise<T> {
  request.cookie = world.cookies[caller];
  request.revalidated.length = 0;
  const [before, stripeBefore] = [await fingerprint(), await stripeRequests()];
  const answer = await call();
  expect(await fingerprint(), `${caller}: the database changed`).toBe(before);
  expect(await stripeRequests(), `${caller}: Stripe was called`).toBe(stripeBefore);
  expect(request.revalidated, `${caller}: a refused call revalidated pages`).toEqual([]);
  return answer;
}

/** How Next.js would answer a handler's result or its notFound() / redirect() / forbidden() throw. */
async function httpOutcome(run: () => Promise<Response>): Promise<{ status: number; location?: string }> {
  try {
    const response = await run();
    return { status: response.status, location: response.headers.get('location') ?? undefined };
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? '');
    const fallback = /^NEXT_HTTP_ERROR_FALLBACK;(\d+)$/.exec(digest);
    if (fallback) return { status: Number(fallback[1]) };
    if (digest.startsWith('NEXT_REDIRECT')) return { status: 307, location: digest.split(';')[2] };
    throw error;
  }
}

const refusedStatus = (o: { status: number; location?: string }) =>
  [400, 401, 403, 404, 405].includes(o.status) || (o.status >= 300 && o.status < 400 && (o.location ?? '').includes('/sign-in'));

function routeParams(file: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [, name] of file.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)) {
    params[name!] = name === 'orgId' ? world.victimOrg : name === 'invoiceId' ? world.invoiceId : name === 'nextauth' ? 'session' : `${name}_doors`;
  }
  return params;
}

beforeAll(async () => {
  await resetDatabase();
  const db = testDb();
  const [victim, other] = await db.insert(organizations).values([{ name: 'Victim KK', currency: 'jpy', stripeCustomerId: world.customerId }, { name: 'Other KK', currency: 'jpy' }]).returning();
  world.victimOrg = victim!.id;
  world.otherOrg = other!.id;
  const people = await db
    .insert(users)
    .values([{ email: 'owner@doors.test' }, { email: 'stranger@doors.test' }, { email: 'member@doors.test' }, { email: 'support@doors.test' }])
    .returning();
  const [owner, stranger, member, support] = people;
  await db.insert(memberships).values([
    { organizationId: victim!.id, userId: owner!.id, role: 'owner' },
    { organizationId: victim!.id, userId: member!.id, role: 'member' },
    { organizationId: other!.id, userId: stranger!.id, role: 'owner' },
  ]);
  await db.insert(operators).values({ userId: support!.id, role: 'support' });
  // Renewed a minute ago, so reading it does not slide it forward (lib/auth/session-token.ts).
  const expires = new Date(Date.now() + 30 * 24 * 3600 * 1000 - 60_000);
  for (const [caller, user] of [['stranger', stranger], ['member', member], ['support', support]] as const) {
    await db.insert(sessions).values({ sessionToken: `doors-${caller}`, userId: user!.id, expires });
    world.cookies[caller] = `doors-${caller}`;
  }
  world.cookies.anonymous = null;
  await db.insert(stripeCustomers).values({ id: world.customerId, organizationId: victim!.id, email: 'billing@victim.test', currency: 'jpy', stripeCreated: new Date(), data: {} } as never);
  await db.insert(stripeInvoices).values({
    id: world.invoiceId, customerId: world.customerId, organizationId: victim!.id, number: 'DOORS-0001', status: 'open', collectionMethod: 'charge_automatically',
    currency: 'jpy', subtotal: 5000, total: 5000, amountDue: 5000, amountPaid: 0, amountRemaining: 5000, stripeCreated: new Date(), data: {},
  } as never);
});
afterAll(closeTestDb);

describe('the doors are found from the code', () => {
  it('finds the route handlers and server actions, and every public door still exists', () => {
    expect(routeHandlers.length).toBeGreaterThanOrEqual(15);
    expect(serverActions.length).toBeGreaterThanOrEqual(40);
    const known = new Set([...routeHandlers.map((r) => `${r.file} ${r.method}`), ...serverActions.map((a) => `${a.file} ${a.name}`)]);
    expect(Object.keys(PUBLIC_DOORS).filter((door) => !known.has(door)), 'stale PUBLIC_DOORS entries').toEqual([]);
    const unknownClients = serverActions.filter((a) => !['authActionClient', 'orgActionClient', 'operatorActionClient'].includes(a.client) && !PUBLIC_DOORS[`${a.file} ${a.name}`]);
    expect(unknownClients, 'a server action outside the safe-action clients (lib/actions/safe-action.ts)').toEqual([]);
  });
});

describe('route handlers refuse strangers and change nothing', () => {
  for (const { file, method } of routeHandlers) {
    const door = `${file} ${method}`;
    it(door, async () => {
      const signedWebhook = file === 'app/api/webhooks/stripe/route.ts' || file === 'app/api/webhooks/stripe/thin/route.ts';
      if (PUBLIC_DOORS[door] && !signedWebhook) return;
      const handler = ((await import(/* @vite-ignore */ join(root, file))) as Record<string, (r: Request, c: unknown) => Promise<Response>>)[method]!;
      const path = `/${file.replace(/^app\//, '').replace(/\/route\.ts$/, '').replace(/\([^)]+\)\//g, '')}`;
      const url = `http://localhost${path.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => routeParams(file)[name]!)}`;
      const callers: Caller[] = file.startsWith('app/admin/') ? ['anonymous', 'stranger', 'member'] : ['anonymous', 'stranger'];
      if (PUBLIC_DOORS[door]) {
        if (signedWebhook) {
          // Unsigned: refused, and nothing recorded.
          const outcome = await asCaller('anonymous', () => httpOutcome(() => handler(new Request(url, { method, body: JSON.stringify({ id: 'evt_doors', type: 'invoice.paid', data: { object: { id: world.invoiceId } } }) }), {})));
          expect(outcome.status).toBe(400);
        }
        return;
      }
      for (const caller of callers) {
        const outcome = await asCaller(caller, () =>
          httpOutcome(() => handler(new Request(url, { method, ...(method === 'GET' ? {} : { body: '{}' }) }), { params: Promise.resolve(routeParams(file)) })),
        );
        expect(refusedStatus(outcome), `${door} as ${caller} answered ${outcome.status} ${outcome.location ?? ''}`).toBe(true);
      }
    });
  }
});

describe('server actions refuse strangers and members without the role, and change nothing', () => {
  for (const action of serverActions) {
    const door = `${action.file} ${action.name}`;
    it(door, async () => {
      if (PUBLIC_DOORS[door]) return;
      const mod = (await import(/* @vite-ignore */ join(root, action.file))) as Record<string, (input: unknown) => Promise<{ serverError?: { code: string } }>>;
      const run = mod[action.name]!;
      // Input naming the victim organization and its invoice; refusals happen before the input is validated.
      const input = { organizationId: world.victimOrg, invoiceId: world.invoiceId, customerId: world.customerId };
      const refusals: [Caller, string[]][] = [['anonymous', ['unauthenticated']]];
      if (action.client === 'orgActionClient') {
        refusals.push(['stranger', ['not_found']]);
        if (action.permission && !can('member', action.permission)) refusals.push(['member', ['forbidden']]);
      }
      if (action.client === 'operatorActionClient') {
        refusals.push(['stranger', ['not_found']], ['member', ['not_found']]);
        if (action.operatorPermission && !operatorCan('support', action.operatorPermission)) refusals.push(['support', ['forbidden']]);
      }
      for (const [caller, codes] of refusals) {
        const answer = await asCaller(caller, () => run(input));
        expect(codes, `${door} as ${caller} answered ${JSON.stringify(answer)}`).toContain(answer?.serverError?.code);
      }
    });
  }
});

describe('rate limits', () => {
  it('refuses a sixth sign-in link to one address within 15 minutes, and sends nothing', async () => {
    const { verificationTokens } = await import('@/db/schema');
    const { MAGIC_LINK_MAX_AGE_SECONDS } = await import('@/lib/auth/auth');
    // Five links issued in the last minutes (a token's expiry is its issue time plus the link's lifetime).
    await testDb()
      .insert(verificationTokens)
      .values(
        Array.from({ length: 5 }, (_, k) => ({
          identifier: 'flooded@doors.test',
          token: `doors-link-${k}`,
          expires: new Date(Date.now() - k * 60_000 + MAGIC_LINK_MAX_AGE_SECONDS * 1000),
        })),
      );
    const { signInWithEmailAction } = await import('@/lib/actions/sign-in-with-email');
    const answer = await asCaller('anonymous', () => signInWithEmailAction({ email: 'Flooded@doors.test' }));
    expect(answer?.serverError?.code).toBe('rate_limited');
  });
});
