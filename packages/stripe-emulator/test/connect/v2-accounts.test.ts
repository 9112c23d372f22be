// Accounts v2 (/v2/core/accounts, /v2/core/account_links) through stripe.v2.core.*, and the v2 conventions the
// router's v2 mode provides: JSON bodies, the v2 error shape, v2 list pages.
import { afterEach, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { flushWebhooks, rawRequest, startTestEmulator, startWebhookReceiver, stripeError, type TestEmulator } from '../helpers.js';
import { submitOnboarding } from './helpers.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function setup(): Promise<TestEmulator> {
  const emu = await startTestEmulator();
  cleanups.push(() => emu.close());
  return emu;
}

function createRecipient(stripe: Stripe, email = 'doctor@example.com'): Promise<Stripe.V2.Core.Account> {
  return stripe.v2.core.accounts.create({
    contact_email: email,
    display_name: 'Dr. Sato',
    dashboard: 'express',
    identity: { country: 'JP', entity_type: 'individual' },
    configuration: { recipient: { capabilities: { stripe_balance: { stripe_transfers: { requested: true } } } } },
    defaults: { currency: 'jpy', responsibilities: { fees_collector: 'application', losses_collector: 'application' } },
    include: ['configuration.recipient', 'requirements', 'identity', 'defaults'],
    metadata: { payee: 'p_1' },
  });
}

describe('v2 core accounts', () => {
  it('creates a recipient account that owes its requirements, shows included parts only when asked, and is the acct_ v1 transfers pay', async () => {
    const emu = await setup();
    const account = await createRecipient(emu.stripe);
    expect(account).toMatchObject({
      object: 'v2.core.account',
      applied_configurations: ['recipient'],
      contact_email: 'doctor@example.com',
      display_name: 'Dr. Sato',
      dashboard: 'express',
      closed: false,
      livemode: false,
      metadata: { payee: 'p_1' },
      identity: { country: 'JP', entity_type: 'individual' },
      defaults: { currency: 'jpy', responsibilities: { fees_collector: 'application', losses_collector: 'application', requirements_collector: 'stripe' } },
      configuration: {
        recipient: { applied: true, capabilities: { stripe_balance: { stripe_transfers: { status: 'restricted', status_details: [{ code: 'requirements_past_due', resolution: 'provide_info' }] } } } },
      },
    });
    expect(account.id).toMatch(/^acct_/);
    expect(new Date(account.created).toISOString()).toBe(account.created);
    expect(account.requirements?.entries?.map((e) => e.description)).toContain('tos_acceptance.date');

    const plain = await emu.stripe.v2.core.accounts.retrieve(account.id);
    expect(plain.configuration).toBeUndefined();
    expect(plain.requirements).toBeUndefined();

    // The same account in v1: express, transfers requested and inactive.
    const v1 = await emu.stripe.accounts.retrieve(account.id);
    expect(v1).toMatchObject({ type: 'express', email: 'doctor@example.com', capabilities: { transfers: 'inactive' }, default_currency: 'jpy' });
  });

  it('onboards through a v2 account link; stripe_transfers turns active and v1 transfers can pay the account', async () => {
    const emu = await setup();
    const hook = await startWebhookReceiver();
    cleanups.push(() => hook.close());
    const endpoint = await emu.stripe.webhookEndpoints.create({ url: hook.url, enabled_events: ['account.updated'], connect: true });
    const account = await createRecipient(emu.stripe);
    const link = await emu.stripe.v2.core.accountLinks.create({
      account: account.id,
      use_case: { type: 'account_onboarding', account_onboarding: { refresh_url: 'https://app.example/f', return_url: 'https://app.example/r' } },
    });
    expect(link).toMatchObject({ object: 'v2.core.account_link', account: account.id, use_case: { type: 'account_onboarding', account_onboarding: { refresh_url: 'https://app.example/f' } } });
    expect(Date.parse(link.expires_at) - Date.parse(link.created)).toBe(300_000);

    const done = await submitOnboarding(link.url);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('https://app.example/r');

    const after = await emu.stripe.v2.core.accounts.retrieve(account.id, { include: ['configuration.recipient', 'requirements'] });
    expect(after.configuration?.recipient?.capabilities?.stripe_balance?.stripe_transfers).toEqual({ status: 'active', status_details: [] });
    expect(after.requirements?.entries).toEqual([]);
    await flushWebhooks(emu.url);
    const events = hook.received.map((d) => new Stripe('sk_test_verify').webhooks.constructEvent(d.body, d.signature, endpoint.secret!));
    expect(events.map((e) => [e.type, e.account])).toEqual([['account.updated', account.id]]);

    const intent = await emu.stripe.paymentIntents.create({ amount: 3000, currency: 'jpy', payment_method: 'pm_card_visa', confirm: true });
    const transfer = await emu.stripe.transfers.create({ amount: 1000, currency: 'jpy', destination: account.id, source_transaction: intent.latest_charge as string });
    expect(transfer.destination).toBe(account.id);

    // A closed account receives no more transfers.
    await emu.stripe.v2.core.accounts.close(account.id);
    const closed = await stripeError(emu.stripe.transfers.create({ amount: 1000, currency: 'jpy', destination: account.id, source_transaction: intent.latest_charge as string }));
    expect(closed).toMatchObject({ statusCode: 400, code: 'account_closed', param: 'destination' });
    expect((await emu.stripe.transfers.list({ destination: account.id })).data).toHaveLength(1);
  });

  it('updates, lists in v2 pages, and closes accounts', async () => {
    const emu = await setup();
    const a = await createRecipient(emu.stripe, 'a@example.com');
    const b = await createRecipient(emu.stripe, 'b@example.com');
    const c = await createRecipient(emu.stripe, 'c@example.com');

    const updated = await emu.stripe.v2.core.accounts.update(a.id, { display_name: 'Sato Clinic', metadata: { payee: 'p_9' } });
    expect(updated).toMatchObject({ display_name: 'Sato Clinic', metadata: { payee: 'p_9' } });
    expect((await emu.stripe.accounts.retrieve(a.id)).business_profile?.name).toBe('Sato Clinic');

    const firstPage = await rawRequest(emu.url, 'GET', '/v2/core/accounts?limit=2');
    const page = firstPage.json as { data: Array<{ id: string }>; next_page_url: string | null; previous_page_url: string | null };
    expect(page.data.map((x) => x.id)).toEqual([c.id, b.id]);
    expect(page.previous_page_url).toBeNull();
    const second = (await rawRequest(emu.url, 'GET', page.next_page_url!)).json as typeof page;
    expect(second.data.map((x) => x.id)).toEqual([a.id]);
    expect(second.next_page_url).toBeNull();

    const all: string[] = [];
    for await (const account of emu.stripe.v2.core.accounts.list({ limit: 2 })) all.push(account.id);
    expect(all).toEqual([c.id, b.id, a.id]);

    const closed = await emu.stripe.v2.core.accounts.close(b.id);
    expect(closed.closed).toBe(true);
    const open: string[] = [];
    for await (const account of emu.stripe.v2.core.accounts.list()) open.push(account.id);
    expect(open).toEqual([c.id, a.id]);
    expect(await stripeError(emu.stripe.v2.core.accounts.update(b.id, { display_name: 'x' }))).toMatchObject({ statusCode: 400, code: 'account_closed' });

    // Deleting through v1 removes the v2 view too.
    await emu.stripe.accounts.del(c.id);
    expect(await stripeError(emu.stripe.v2.core.accounts.retrieve(c.id))).toMatchObject({ statusCode: 404 });
  });

  it('answers errors in the v2 shape and changes nothing', async () => {
    const emu = await setup();
    const noRecipient = await stripeError(emu.stripe.v2.core.accounts.create({ display_name: 'Nobody' }));
    expect(noRecipient).toMatchObject({ statusCode: 400 });
    const missing = await stripeError(emu.stripe.v2.core.accounts.retrieve('acct_1NoSuchAccount00'));
    expect(missing).toMatchObject({ statusCode: 404, code: 'resource_missing' });

    const badJson = await rawRequest(emu.url, 'POST', '/v2/core/accounts', { body: '{not json', headers: { 'Content-Type': 'application/json' } });
    expect(badJson.status).toBe(400);
    expect(badJson.json).toEqual({ error: { type: 'invalid_request_error', code: 'invalid_json', message: expect.any(String) } });

    const unknown = await rawRequest(emu.url, 'POST', '/v2/core/accounts', {
      body: JSON.stringify({ configuration: { recipient: {} }, surprise: 1 }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json).toEqual({ error: { type: 'invalid_request_error', code: 'parameter_unknown', message: 'Received unknown parameter: surprise' } });

    const nowhere = await rawRequest(emu.url, 'GET', '/v2/core/nothing');
    expect(nowhere.status).toBe(404);
    expect(nowhere.json).toMatchObject({ error: { type: 'invalid_request_error', code: 'not_found' } });

    expect((await emu.stripe.accounts.list()).data).toEqual([]);
  });
});
