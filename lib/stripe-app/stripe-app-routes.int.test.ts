// The Stripe App's endpoint as the app calls it: POST /api/stripe-app/* with a Stripe-Signature made by the SDK's
// own test helper (the format fetchStripeSignature() produces), against the real database and the emulator.
// Every refusal the contract names, a valid summary (usage per meter this period included), the two actions (audited as the Stripe user), CORS for the
// app's null origin, cookies ignored, and the per-user rate limit.
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Read once by lib/env when the routes are imported: a small limit so the test can reach it.
vi.hoisted(() => {
  process.env.STRIPE_APP_RATE_LIMIT_PER_MINUTE = '5';
});

import { OPTIONS as summaryOptions, POST as summary } from '@/app/api/stripe-app/customer-summary/route';
import { OPTIONS as resyncOptions, POST as resync } from '@/app/api/stripe-app/actions/resync/route';
import { OPTIONS as addNoteOptions, POST as addNote } from '@/app/api/stripe-app/actions/add-note/route';
import { auditLog, customerNotes, operators, sessions, stripeInvoices, stripeSubscriptions, users } from '@/db/schema';
import { createTestOrganization, createTestUser, setUpBillingCatalog, type TestOrganization } from '@/lib/billing/billing-fixtures.int';
import { insertUsageEvents } from '@/db/queries/usage-events';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { closeTestDb, testDb, testStripe, uniqueSuffix } from '@/test/integration/helpers';
import { EMULATOR_STRIPE_APP_SECRET } from './config';

const OUR_ACCOUNT = 'acct_1SeikyuEmulator0';
const URL_BASE = 'http://localhost:3000/api/stripe-app';

type Body = Record<string, unknown>;
type Route = (request: Request) => Promise<Response>;

/** A fresh Dashboard user per test, so one test's requests never count against another's rate limit. */
const newUser = () => `usr_${uniqueSuffix().replace(/\W/g, '')}`;

/** The signature header fetchStripeSignature() would send, made by stripe-node's documented test helper. */
function sign(identity: { user_id: string; account_id: string }, options: { secret?: string; timestamp?: number } = {}): string {
  return testStripe().webhooks.generateTestHeaderString({
    payload: JSON.stringify({ user_id: identity.user_id, account_id: identity.account_id }),
    secret: options.secret ?? EMULATOR_STRIPE_APP_SECRET,
    timestamp: options.timestamp,
  });
}

function call(route: Route, path: string, body: Body | string, headers: Record<string, string> = {}): Promise<Response> {
  return route(
    new Request(`${URL_BASE}/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'null', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

/** A correctly signed call for `body`'s own user_id and account_id. */
const signedCall = (route: Route, path: string, body: Body & { user_id: string; account_id: string }, headers: Record<string, string> = {}) =>
  call(route, path, body, { 'stripe-signature': sign(body), ...headers });

async function expectError(response: Response, status: number, type: string): Promise<{ type: string; message: string; code?: string }> {
  expect(response.status).toBe(status);
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  const json = (await response.json()) as { error: { type: string; message: string; code?: string } };
  expect(json.error).toMatchObject({ type });
  expect(json.error.message.length).toBeGreaterThan(5);
  return json.error;
}

describe('POST /api/stripe-app/*', () => {
  let stripe: Stripe;
  let org: TestOrganization;
  let openInvoice: Stripe.Invoice;
  let usagePeriodStart: number;

  beforeAll(async () => {
    ({ stripe } = await setUpBillingCatalog());
    org = await createTestOrganization(await createTestUser(), 'jpy');
    // A card that pays and an open bank-transfer invoice, mirrored as the webhooks would.
    const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: org.stripeCustomerId });
    await stripe.customers.update(org.stripeCustomerId, { invoice_settings: { default_payment_method: card.id } });
    await stripe.invoiceItems.create({ customer: org.stripeCustomerId, amount: 12_000, currency: 'jpy', description: 'Onboarding' });
    const draft = await stripe.invoices.create({ customer: org.stripeCustomerId, collection_method: 'send_invoice', days_until_due: 14, pending_invoice_items_behavior: 'include' });
    openInvoice = await stripe.invoices.finalizeInvoice(draft.id!);
    await syncStripeCustomer(org.stripeCustomerId);
    // Usage this period (5.5 device hours) and some from before the period, which the summary must leave out.
    const [subscription] = await testDb().select().from(stripeSubscriptions).where(eq(stripeSubscriptions.organizationId, org.id));
    const periodStart = subscription!.currentPeriodStart!.getTime();
    usagePeriodStart = periodStart;
    await insertUsageEvents({
      organizationId: org.id,
      events: [
        { meter: 'device_hours', value: '3', occurredAt: new Date(periodStart + 1_000), identifier: `u-${uniqueSuffix()}` },
        { meter: 'device_hours', value: '2.5', occurredAt: new Date(periodStart + 2_000), identifier: `u-${uniqueSuffix()}` },
        { meter: 'device_hours', value: '100', occurredAt: new Date(periodStart - 86_400_000), identifier: `u-${uniqueSuffix()}` },
      ],
    });
  });
  afterAll(closeTestDb);

  describe('refusals', () => {
    it('refuses a call without a Stripe-Signature with 401, even with an operator session cookie', async () => {
      const [operator] = await testDb().insert(users).values({ email: `op-${uniqueSuffix()}@example.com` }).returning();
      await testDb().insert(operators).values({ userId: operator!.id, role: 'admin' });
      const sessionToken = `session-${uniqueSuffix()}`;
      await testDb().insert(sessions).values({ sessionToken, userId: operator!.id, expires: new Date(Date.now() + 86_400_000) });
      const body = { user_id: newUser(), account_id: OUR_ACCOUNT, customer_id: org.stripeCustomerId };
      const response = await call(summary, 'customer-summary', body, { cookie: `authjs.session-token=${sessionToken}` });
      await expectError(response, 401, 'authentication_error');
    });

    it('refuses a forged signature (another secret) and a garbage header with 401', async () => {
      const body = { user_id: newUser(), account_id: OUR_ACCOUNT, customer_id: org.stripeCustomerId };
      await expectError(await call(summary, 'customer-summary', body, { 'stripe-signature': sign(body, { secret: 'absec_not_ours' }) }), 401, 'authentication_error');
      await expectError(await call(summary, 'customer-summary', body, { 'stripe-signature': 't=1,v1=deadbeef' }), 401, 'authentication_error');
    });

    it('refuses a signature older than 300 seconds with 401, and accepts one 290 seconds old', async () => {
      const body = { user_id: newUser(), account_id: OUR_ACCOUNT, customer_id: org.stripeCustomerId };
      const now = Math.floor(Date.now() / 1000);
      await expectError(await call(summary, 'customer-summary', body, { 'stripe-signature': sign(body, { timestamp: now - 301 }) }), 401, 'authentication_error');
      expect((await call(summary, 'customer-summary', body, { 'stripe-signature': sign(body, { timestamp: now - 290 }) })).status).toBe(200);
    });

    it("refuses a valid signature used for another user_id or account_id with 401", async () => {
      const signed = { user_id: newUser(), account_id: OUR_ACCOUNT };
      const header = sign(signed);
      await expectError(await call(summary, 'customer-summary', { ...signed, user_id: newUser(), customer_id: org.stripeCustomerId }, { 'stripe-signature': header }), 401, 'authentication_error');
      await expectError(await call(summary, 'customer-summary', { ...signed, account_id: 'acct_other', customer_id: org.stripeCustomerId }, { 'stripe-signature': header }), 401, 'authentication_error');
    });

    it('refuses a validly signed call from another Stripe account with 403', async () => {
      const body = { user_id: newUser(), account_id: 'acct_1OtherAccount00', customer_id: org.stripeCustomerId };
      const error = await expectError(await signedCall(summary, 'customer-summary', body), 403, 'permission_error');
      expect(error.message).toMatch(/another Stripe account/);
    });

    it('answers 404 for a customer no organization has', async () => {
      const body = { user_id: newUser(), account_id: OUR_ACCOUNT, customer_id: 'cus_NotInSeikyu000' };
      const error = await expectError(await signedCall(summary, 'customer-summary', body), 404, 'invalid_request_error');
      expect(error.code).toBe('resource_missing');
      await expectError(await signedCall(resync, 'actions/resync', body), 404, 'invalid_request_error');
    });

    it('answers 400 for a malformed body: not JSON, no identity, a bad customer id, an empty note', async () => {
      const user = newUser();
      await expectError(await call(summary, 'customer-summary', '{not json', { 'stripe-signature': sign({ user_id: user, account_id: OUR_ACCOUNT }) }), 400, 'invalid_request_error');
      await expectError(await call(summary, 'customer-summary', { customer_id: org.stripeCustomerId }, { 'stripe-signature': 't=1,v1=00' }), 400, 'invalid_request_error');
      const badCustomer = await expectError(await signedCall(summary, 'customer-summary', { user_id: user, account_id: OUR_ACCOUNT, customer_id: 42 }), 400, 'invalid_request_error');
      expect(badCustomer.message).toMatch(/customer_id/);
      await expectError(await signedCall(addNote, 'actions/add-note', { user_id: user, account_id: OUR_ACCOUNT, customer_id: org.stripeCustomerId, body: '   ' }), 400, 'invalid_request_error');
      expect(await testDb().select().from(customerNotes)).toEqual([]);
    });

    it('limits each Stripe user to the configured requests per minute with 429 and Retry-After; another user is unaffected', async () => {
      const body = { user_id: newUser(), account_id: OUR_ACCOUNT, customer_id: org.stripeCustomerId };
      for (let i = 0; i < 5; i++) expect((await signedCall(summary, 'customer-summary', body)).status).toBe(200);
      const limited = await signedCall(summary, 'customer-summary', body);
      await expectError(limited, 429, 'rate_limit_error');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await signedCall(summary, 'customer-summary', { ...body, user_id: newUser() })).status).toBe(200);
    });
  });

  it('answers the CORS preflight from the null origin on every route', async () => {
    for (const options of [summaryOptions, resyncOptions, addNoteOptions]) {
      const response = options();
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-allow-methods')).toContain('POST');
      const allowed = response.headers.get('access-control-allow-headers')!.split(',').map((h) => h.trim().toLowerCase());
      expect(allowed).toEqual(expect.arrayContaining(['stripe-signature', 'content-type']));
    }
  });

  it('answers a valid call with the organization, plan, card, open invoices, notes and admin links', async () => {
    const body = { user_id: newUser(), account_id: OUR_ACCOUNT, customer_id: org.stripeCustomerId };
    const response = await signedCall(summary, 'customer-summary', body);
    // The usage events sit at the period's start: in the current clock hour unless the hour turned meanwhile.
    const inThisHour = Math.floor(usagePeriodStart / 3_600_000) === Math.floor(Date.now() / 3_600_000);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('set-cookie')).toBeNull();
    const json = await response.json();
    expect(json).toMatchObject({
      object: 'seikyu.customer_summary',
      customer_id: org.stripeCustomerId,
      organization: { id: org.id, currency: 'jpy' },
      subscription: { status: 'active', plan: expect.any(String), current_period_start: expect.any(Number), current_period_end: expect.any(Number) },
      card: { brand: 'visa', last4: '4242' },
      // The free tier: one device for a year from sign-up; the 5.5 device-hours reported in this clock hour use it up.
      limits: inThisHour
        ? { tier: 'free', capacity: 1, in_use: 5.5, remaining: 0, free_tier_ends_at: expect.any(Number), allowed: false }
        : { tier: 'free', capacity: 1, in_use: 0, remaining: 1, free_tier_ends_at: expect.any(Number), allowed: true },
      usage: expect.arrayContaining([{ meter: 'device_hours', total: 5.5, period_start: expect.any(Number), period_end: expect.any(Number) }]),
      open_invoices: [
        { id: openInvoice.id, number: openInvoice.number, currency: 'jpy', amount_due: 12_000, amount_remaining: 12_000, due_date: openInvoice.due_date, admin_url: `http://localhost:3000/admin/invoices/${openInvoice.id}` },
      ],
      notes: [],
      links: { customer: `http://localhost:3000/admin/customers/${org.id}` },
    });
    expect(json.subscription.plan.length).toBeGreaterThan(0);
    // Usage covers the subscription's current period (events from before it are left out: 5.5, not 105.5).
    for (const usage of json.usage) {
      expect([usage.period_start, usage.period_end]).toEqual([json.subscription.current_period_start, json.subscription.current_period_end]);
    }
  });

  it('adds a note from the app, audited as the Stripe user, and shows it in the summary', async () => {
    const user = newUser();
    const response = await signedCall(addNote, 'actions/add-note', { user_id: user, account_id: OUR_ACCOUNT, customer_id: org.stripeCustomerId, body: '  Called about the invoice  ' });
    expect(response.status).toBe(200);
    const note = await response.json();
    expect(note).toMatchObject({ object: 'seikyu.customer_note', body: 'Called about the invoice', author: `stripe-app:${user}` });

    const [row] = await testDb().select().from(customerNotes).where(eq(customerNotes.id, note.id));
    expect(row).toMatchObject({ organizationId: org.id, body: 'Called about the invoice', authorId: null, authorLabel: `stripe-app:${user}` });
    const audit = (await testDb().select().from(auditLog)).filter((entry) => entry.action === 'note.created');
    expect(audit.map((e) => [e.organizationId, e.actorType, e.actorId, e.data])).toEqual([[org.id, 'stripe', `stripe-app:${user}`, { before: null, after: 'Called about the invoice' }]]);

    const summaryJson = await (await signedCall(summary, 'customer-summary', { user_id: user, account_id: OUR_ACCOUNT, customer_id: org.stripeCustomerId })).json();
    expect(summaryJson.notes).toEqual([{ id: note.id, body: 'Called about the invoice', author: `stripe-app:${user}`, created: note.created }]);
  });

  it('resyncs the customer from Stripe: a change made in Stripe reaches the mirror, audited as the Stripe user', async () => {
    const user = newUser();
    // Paid in Stripe (e.g. by the Dashboard user) while the webhook has not arrived yet.
    await stripe.invoices.pay(openInvoice.id!, { paid_out_of_band: true });
    const response = await signedCall(resync, 'actions/resync', { user_id: user, account_id: OUR_ACCOUNT, customer_id: org.stripeCustomerId });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ object: 'seikyu.customer_resync', customer_id: org.stripeCustomerId, deleted: false, invoices: expect.any(Number) });

    const [mirrored] = await testDb().select().from(stripeInvoices).where(eq(stripeInvoices.id, openInvoice.id!));
    expect(mirrored!.status).toBe('paid');
    const audit = (await testDb().select().from(auditLog)).filter((entry) => entry.action === 'customer.resynced');
    expect(audit.map((e) => [e.organizationId, e.actorType, e.actorId])).toEqual([[org.id, 'stripe', `stripe-app:${user}`]]);
    const summaryJson = await (await signedCall(summary, 'customer-summary', { user_id: user, account_id: OUR_ACCOUNT, customer_id: org.stripeCustomerId })).json();
    expect(summaryJson.open_invoices).toEqual([]);
  });
});
