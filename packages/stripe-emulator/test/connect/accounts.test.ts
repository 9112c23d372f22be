// Connect v1: connected accounts, the platform account, account links and the hosted onboarding page, the
// `Stripe-Account` header, and Connect webhook endpoints — through the real SDK where it can express the call.
import { afterEach, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { flushWebhooks, rawRequest, startTestEmulator, startWebhookReceiver, stripeError, type TestEmulator, type WebhookReceiver } from '../helpers.js';
import { PLATFORM_ACCOUNT_ID } from '../../src/connect/accounts.js';
import { createExpressAccount, submitOnboarding } from './helpers.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function setup(): Promise<TestEmulator> {
  const emu = await startTestEmulator();
  cleanups.push(() => emu.close());
  return emu;
}

async function receiver(): Promise<WebhookReceiver> {
  const r = await startWebhookReceiver();
  cleanups.push(() => r.close());
  return r;
}

const verifier = new Stripe('sk_test_verify');

function eventsOf(r: WebhookReceiver, secret: string): Stripe.Event[] {
  return r.received.map((d) => verifier.webhooks.constructEvent(d.body, d.signature, secret));
}

describe('connected accounts', () => {
  it('creates an express account from controller properties, owing its requirements and not yet able to receive transfers', async () => {
    const emu = await setup();
    const account = await createExpressAccount(emu.stripe);
    expect(account.id).toMatch(/^acct_[A-Za-z0-9]{16}$/);
    expect(account).toMatchObject({
      type: 'express',
      country: 'JP',
      default_currency: 'jpy',
      email: 'doctor@example.com',
      charges_enabled: false,
      payouts_enabled: false,
      details_submitted: false,
      capabilities: { transfers: 'inactive' },
      controller: { type: 'application', is_controller: true, stripe_dashboard: { type: 'express' }, requirement_collection: 'stripe' },
      metadata: { payee: 'p_1' },
    });
    expect(account.requirements?.currently_due).toContain('tos_acceptance.date');
    expect(account.requirements?.disabled_reason).toBe('requirements.past_due');

    expect(await emu.stripe.accounts.retrieve(account.id)).toEqual(account);
    const listed = await emu.stripe.accounts.list({ limit: 10 });
    expect(listed.data.map((a) => a.id)).toEqual([account.id]);
  });

  it('refuses type and controller together, and an express account without a capability, creating nothing', async () => {
    const emu = await setup();
    const both = await stripeError(emu.stripe.accounts.create({ type: 'express', controller: { stripe_dashboard: { type: 'express' } }, capabilities: { transfers: { requested: true } } }));
    expect(both).toMatchObject({ statusCode: 400, param: 'controller' });
    const none = await stripeError(emu.stripe.accounts.create({ type: 'express' }));
    expect(none).toMatchObject({ statusCode: 400, param: 'capabilities' });
    const unknown = await stripeError(emu.stripe.accounts.create({ type: 'express', capabilities: { transfers: { requested: true } }, company: { name: 'X' } }));
    expect(unknown.param).toBe('company');
    expect((await emu.stripe.accounts.list()).data).toEqual([]);
  });

  it('updates an account and sends account.updated, with the account set, to Connect endpoints only', async () => {
    const emu = await setup();
    const connectHook = await receiver();
    const accountHook = await receiver();
    const connectEndpoint = await emu.stripe.webhookEndpoints.create({ url: connectHook.url, enabled_events: ['*'], connect: true });
    const accountEndpoint = await emu.stripe.webhookEndpoints.create({ url: accountHook.url, enabled_events: ['*'] });
    const account = await createExpressAccount(emu.stripe);

    const updated = await emu.stripe.accounts.update(account.id, { metadata: { payee: 'p_2' }, business_profile: { name: 'Sato Clinic' } });
    expect(updated.metadata).toEqual({ payee: 'p_2' });
    expect(updated.business_profile?.name).toBe('Sato Clinic');

    await flushWebhooks(emu.url);
    const connectEvents = eventsOf(connectHook, connectEndpoint.secret!);
    expect(connectEvents.map((e) => [e.type, e.account])).toEqual([['account.updated', account.id]]);
    expect(connectEvents[0].data.previous_attributes).toMatchObject({ metadata: { payee: 'p_1' } });
    expect(eventsOf(accountHook, accountEndpoint.secret!).filter((e) => e.type === 'account.updated')).toEqual([]);
  });

  it('deletes an account; it is then gone', async () => {
    const emu = await setup();
    const account = await createExpressAccount(emu.stripe);
    expect(await emu.stripe.accounts.del(account.id)).toEqual({ id: account.id, object: 'account', deleted: true });
    expect(await stripeError(emu.stripe.accounts.retrieve(account.id))).toMatchObject({ statusCode: 404, code: 'resource_missing' });
    expect((await emu.stripe.accounts.list()).data).toEqual([]);
  });
});

describe('the platform account and Stripe-Account', () => {
  it('answers GET /v1/account with the platform account, whose id is stable', async () => {
    const emu = await setup();
    const platform = await emu.stripe.accounts.retrieveCurrent();
    expect(platform).toMatchObject({ id: PLATFORM_ACCOUNT_ID, charges_enabled: true, country: 'JP', default_currency: 'jpy' });
    expect((await emu.stripe.accounts.retrieve(PLATFORM_ACCOUNT_ID)).id).toBe(PLATFORM_ACCOUNT_ID);
    // The platform is not a connected account: it is not listed.
    expect((await emu.stripe.accounts.list()).data).toEqual([]);
  });

  it('answers a connected account for itself with Stripe-Account, refuses an unknown one, and routes it does not serve that way', async () => {
    const emu = await setup();
    const account = await createExpressAccount(emu.stripe);
    const own = await emu.stripe.accounts.retrieveCurrent({}, { stripeAccount: account.id });
    expect(own.id).toBe(account.id);
    expect((await emu.stripe.accounts.retrieve(account.id, {}, { stripeAccount: account.id })).id).toBe(account.id);

    const unknown = await stripeError(emu.stripe.accounts.retrieveCurrent({}, { stripeAccount: 'acct_1NoSuchAccount00' }));
    expect(unknown).toMatchObject({ statusCode: 403, code: 'account_invalid' });

    const refused = await stripeError(emu.stripe.customers.create({ email: 'x@example.com' }, { stripeAccount: account.id }));
    expect(refused).toMatchObject({ statusCode: 400, param: 'Stripe-Account' });
    expect((await emu.stripe.customers.list()).data).toEqual([]);
  });
});

describe('account links and the hosted onboarding page', () => {
  it('onboards a payee: the page takes the terms and details, the account becomes enabled and account.updated goes out', async () => {
    const emu = await setup();
    const connectHook = await receiver();
    const endpoint = await emu.stripe.webhookEndpoints.create({ url: connectHook.url, enabled_events: ['account.updated'], connect: true });
    const account = await createExpressAccount(emu.stripe);
    const link = await emu.stripe.accountLinks.create({
      account: account.id,
      type: 'account_onboarding',
      refresh_url: 'https://app.example/payee/refresh',
      return_url: 'https://app.example/payee/return',
    });
    expect(link.object).toBe('account_link');
    expect(link.url.startsWith(`${emu.url}/connect/onboarding/`)).toBe(true);
    expect(link.expires_at - link.created).toBe(300);

    const pageView = await fetch(link.url);
    expect(pageView.status).toBe(200);
    const html = await pageView.text();
    expect(html).toContain(account.id);
    expect(html).toContain('name="tos_acceptance"');

    // Not accepting the terms: the page says so and the account is unchanged.
    const refused = await submitOnboarding(link.url, { business_name: 'Dr. Sato', business_type: 'individual', product_description: '' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Accept the agreement');
    expect(await emu.stripe.accounts.retrieve(account.id)).toEqual(account);

    const done = await submitOnboarding(link.url);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('https://app.example/payee/return');

    const enabled = await emu.stripe.accounts.retrieve(account.id);
    expect(enabled).toMatchObject({
      charges_enabled: true,
      payouts_enabled: true,
      details_submitted: true,
      capabilities: { transfers: 'active' },
      business_type: 'individual',
      requirements: { currently_due: [], eventually_due: [], past_due: [], disabled_reason: null },
    });
    expect(enabled.tos_acceptance?.date).toBeGreaterThan(0);

    await flushWebhooks(emu.url);
    const events = eventsOf(connectHook, endpoint.secret!);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'account.updated', account: account.id, data: { object: { id: account.id, charges_enabled: true } } });
    expect(events[0].data.previous_attributes).toMatchObject({ charges_enabled: false, details_submitted: false });

    // A link works once: opening it again goes to refresh_url, where the platform makes a fresh one.
    const again = await fetch(link.url, { redirect: 'manual' });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe('https://app.example/payee/refresh');

    const update = await emu.stripe.accountLinks.create({ account: account.id, type: 'account_update', return_url: 'https://app.example/r' });
    expect(update.url).toContain('/connect/onboarding/');
  });

  it('refuses links for unknown accounts, account_update before onboarding, and bad URLs', async () => {
    const emu = await setup();
    const account = await createExpressAccount(emu.stripe);
    expect(await stripeError(emu.stripe.accountLinks.create({ account: 'acct_1NoSuchAccount00', type: 'account_onboarding' }))).toMatchObject({ statusCode: 404, param: 'account' });
    expect(await stripeError(emu.stripe.accountLinks.create({ account: account.id, type: 'account_update' }))).toMatchObject({ statusCode: 400, param: 'type' });
    expect(await stripeError(emu.stripe.accountLinks.create({ account: account.id, type: 'account_onboarding', return_url: 'not a url' }))).toMatchObject({
      statusCode: 400,
      param: 'return_url',
    });
    const missing = await rawRequest(emu.url, 'GET', '/connect/onboarding/nope', { key: null });
    expect(missing.status).toBe(404);
  });
});
