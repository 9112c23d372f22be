import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { rawRequest, startTestEmulator, stripeError, type TestEmulator } from './helpers.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

describe('authentication', () => {
  it('answers 401 in Stripe error shape without a key, with a bad key, and with a live key', async () => {
    const none = await rawRequest(emu.url, 'GET', '/v1/customers', { key: null });
    expect(none.status).toBe(401);
    expect(none.json).toMatchObject({ error: { type: 'invalid_request_error', message: expect.stringContaining('You did not provide an API key') } });
    expect(none.headers['request-id']).toMatch(/^req_/);

    const bad = await rawRequest(emu.url, 'GET', '/v1/customers', { key: 'not_a_key' });
    expect(bad.status).toBe(401);
    const live = await rawRequest(emu.url, 'GET', '/v1/customers', { key: 'sk_live_abcdefghijklmnop' });
    expect(live.status).toBe(401);
    expect(live.json).toMatchObject({ error: { message: expect.stringMatching(/^Invalid API Key provided: sk_live_\*+mnop$/) } });

    const err = await stripeError(new Stripe('sk_live_wrong', { host: '127.0.0.1', port: emu.port, protocol: 'http' }).customers.list());
    expect(err).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it('refuses publishable keys outside the Stripe.js routes', async () => {
    const res = await rawRequest(emu.url, 'POST', '/v1/customers', { key: 'pk_test_emulator', body: 'email=a%40example.com' });
    expect(res.status).toBe(401);
    expect((await emu.stripe.customers.list({ email: 'a@example.com' })).data).toHaveLength(0);
  });

  it('answers CORS preflights for the browser routes', async () => {
    const res = await fetch(`${emu.url}/v1/payment_methods`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
  });
});

describe('unknown endpoints', () => {
  it('answers 404 saying the emulator does not implement it, never a silent success', async () => {
    const res = await rawRequest(emu.url, 'POST', '/v1/xyz', { body: 'a=1' });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({
      error: { type: 'invalid_request_error', message: 'Unrecognized request URL (POST: /v1/xyz). The Stripe emulator does not implement this endpoint. See the package README for what it implements.' },
    });
    // Disputes are a Stripe API the emulator does not implement (quotes were the example until they were).
    const disputes = await stripeError(emu.stripe.disputes.list());
    expect(disputes.statusCode).toBe(404);
    expect(disputes.message).toContain('does not implement');
  });

  it('refuses Connect requests instead of silently answering for the platform', async () => {
    const err = await stripeError(emu.stripe.customers.list({}, { stripeAccount: 'acct_123' }));
    expect(err.statusCode).toBe(400);
    expect(err.message).toContain('Connect');
  });

  it('rejects a known Stripe parameter the emulator does not implement, by name', async () => {
    const err = await stripeError(emu.stripe.customers.create({ cash_balance: { settings: { reconciliation_mode: 'automatic' } } }));
    expect(err.statusCode).toBe(400);
    expect(err.param).toBe('cash_balance');
    expect(err.message).toContain('does not implement');
  });
});

describe('idempotency', () => {
  it('replays the identical response for the same key and body, and refuses the key with another body', async () => {
    const first = await emu.stripe.customers.create({ email: 'idem@example.com' }, { idempotencyKey: 'signup-org-42' });
    const replay = await emu.stripe.customers.create({ email: 'idem@example.com' }, { idempotencyKey: 'signup-org-42' });
    expect(replay.id).toBe(first.id);
    expect(replay.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect((await emu.stripe.customers.list({ email: 'idem@example.com' })).data).toHaveLength(1);

    const other = await stripeError(emu.stripe.customers.create({ email: 'other@example.com' }, { idempotencyKey: 'signup-org-42' }));
    expect(other).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(other.statusCode).toBe(400);

    // Keys are scoped per API key.
    const otherKey = await emu.client('sk_test_other').customers.create({ email: 'other@example.com' }, { idempotencyKey: 'signup-org-42' });
    expect(otherKey.id).not.toBe(first.id);
  });

  it('replays errors too, so a retried bad request fails the same way', async () => {
    const a = await rawRequest(emu.url, 'POST', '/v1/customers', { body: 'balance=abc', headers: { 'Idempotency-Key': 'bad-1' } });
    const b = await rawRequest(emu.url, 'POST', '/v1/customers', { body: 'balance=abc', headers: { 'Idempotency-Key': 'bad-1' } });
    expect(a.status).toBe(400);
    expect(b.status).toBe(400);
    expect(b.text).toBe(a.text);
    expect(b.headers['idempotent-replayed']).toBe('true');
  });
});

describe('expand', () => {
  it('expands nested paths and list data, and refuses fields that cannot be expanded', async () => {
    const { stripe } = emu;
    const customer = await stripe.customers.create({ email: 'expand@example.com', payment_method: 'pm_card_visa' });
    const pms = await stripe.paymentMethods.list({ customer: customer.id });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pms.data[0].id } });
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', customer: customer.id });

    const deep = await stripe.paymentIntents.retrieve(pi.id, { expand: ['customer.invoice_settings.default_payment_method'] });
    const expandedCustomer = deep.customer;
    if (!expandedCustomer || typeof expandedCustomer === 'string' || expandedCustomer.deleted) throw new Error('customer not expanded');
    expect(expandedCustomer.id).toBe(customer.id);
    expect(expandedCustomer.invoice_settings.default_payment_method).toMatchObject({ id: pms.data[0].id, card: { last4: '4242' } });

    const list = await stripe.paymentIntents.list({ customer: customer.id, expand: ['data.customer'] });
    expect(list.data[0].customer).toMatchObject({ id: customer.id, object: 'customer' });

    const gone = await stripe.customers.create({});
    const orphan = await stripe.paymentIntents.create({ amount: 1000, currency: 'usd', customer: gone.id });
    await stripe.customers.del(gone.id);
    const withDeleted = await stripe.paymentIntents.retrieve(orphan.id, { expand: ['customer'] });
    expect(withDeleted.customer).toEqual({ id: gone.id, object: 'customer', deleted: true });

    const bad = await stripeError(stripe.customers.retrieve(customer.id, { expand: ['email'] }));
    expect(bad.statusCode).toBe(400);
    expect(bad.message).toContain('cannot be expanded');
  });
});

describe('atomic requests', () => {
  it('leaves nothing behind (no customer, no event) when a request fails part-way', async () => {
    const { stripe } = emu;
    const before = await stripe.events.list({ type: 'customer.created', limit: 100 });
    const err = await stripeError(stripe.customers.create({ email: 'declined@example.com', payment_method: 'pm_card_chargeDeclined' }));
    expect(err.statusCode).toBe(402);
    expect((await stripe.customers.list({ email: 'declined@example.com' })).data).toHaveLength(0);
    const after = await stripe.events.list({ type: 'customer.created', limit: 100 });
    expect(after.data.length).toBe(before.data.length);
  });
});

describe('events', () => {
  it('records events with previous_attributes and the request, and filters by type, types and created', async () => {
    const { stripe } = emu;
    const customer = await stripe.customers.create({ name: 'Before' }, { idempotencyKey: 'evt-test-create' });
    const updated = await stripe.customers.update(customer.id, { name: 'After' });
    const events = await stripe.events.list({ type: 'customer.*', limit: 100 });
    const created = events.data.find((e) => e.type === 'customer.created' && (e.data.object as { id: string }).id === customer.id);
    const update = events.data.find((e) => e.type === 'customer.updated' && (e.data.object as { id: string }).id === customer.id);
    expect(created).toMatchObject({ object: 'event', api_version: '2026-10-28.endive', livemode: false, request: { id: customer.lastResponse.requestId, idempotency_key: 'evt-test-create' } });
    expect(update?.data.previous_attributes).toEqual({ name: 'Before' });
    expect(update?.request?.id).toBe(updated.lastResponse.requestId);

    const byTypes = await stripe.events.list({ types: ['customer.updated'], limit: 100 });
    expect(byTypes.data.every((e) => e.type === 'customer.updated')).toBe(true);
    const future = await stripe.events.list({ created: { gt: Math.floor(Date.now() / 1000) + 60 } });
    expect(future.data).toHaveLength(0);
    const one = await stripe.events.retrieve(update?.id ?? '');
    expect(one.id).toBe(update?.id);
  });
});
