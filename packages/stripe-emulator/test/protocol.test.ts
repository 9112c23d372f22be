// Issue 7 §2: what the emulator answers to clients nobody here wrote — search, publishable keys on unknown
// endpoints, other API versions, every currency Stripe supports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION, rawRequest, startTestEmulator, type TestEmulator } from './helpers.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

type ErrorBody = { error: { message: string; param?: string; type: string } };

describe('search endpoints', () => {
  it.each(['customers', 'charges', 'invoices', 'payment_intents', 'prices', 'products', 'subscriptions'])(
    'GET /v1/%s/search?query=… answers that search is not implemented',
    async (resource) => {
      const res = await rawRequest(emu.url, 'GET', `/v1/${resource}/search?query=${encodeURIComponent("email:'a@example.com'")}&limit=10`);
      expect(res.status).toBe(404);
      const { error } = res.json as ErrorBody;
      expect(error.message).toContain('does not implement search');
      expect(error.message).not.toMatch(/unknown parameter/i);
    },
  );
});

describe('publishable keys', () => {
  it('a pk_test_ call (key as a param, as Stripe.js sends it) to an unimplemented endpoint says "not implemented"', async () => {
    const res = await rawRequest(emu.url, 'POST', '/v1/payment_pages/ppage_1/confirm', { key: null, body: 'key=pk_test_emulator&foo=bar' });
    expect(res.status).toBe(404);
    const { error } = res.json as ErrorBody;
    expect(error.message).toContain('does not implement this endpoint');
    expect(error.message).not.toMatch(/API key/);
    const get = await rawRequest(emu.url, 'GET', '/v1/elements/sessions?key=pk_test_emulator', { key: null });
    expect(get.status).toBe(404);
    expect((get.json as ErrorBody).error.message).toContain('does not implement this endpoint');
  });

  it('still refuses a publishable key (param or header) on a secret-key route', async () => {
    const res = await rawRequest(emu.url, 'POST', '/v1/customers', { key: null, body: 'key=pk_test_emulator&email=a%40example.com' });
    expect(res.status).toBe(401);
    expect((res.json as ErrorBody).error.message).toContain('publishable API key');
  });
});

describe('Stripe-Version', () => {
  it('answers in the one version it speaks and says so when the request pinned another', async () => {
    const other = await rawRequest(emu.url, 'GET', '/v1/customers?limit=1', { headers: { 'Stripe-Version': '2020-08-27' } });
    expect(other.status).toBe(200);
    expect(other.headers['stripe-version']).toBe(API_VERSION);
    expect(other.headers['stripe-emulator-requested-version']).toBe('2020-08-27');
    expect(other.headers['stripe-emulator-warning']).toContain(`answered in ${API_VERSION}`);

    const same = await rawRequest(emu.url, 'GET', '/v1/customers?limit=1', { headers: { 'Stripe-Version': API_VERSION } });
    expect(same.headers['stripe-version']).toBe(API_VERSION);
    expect(same.headers['stripe-emulator-warning']).toBeUndefined();

    const none = await rawRequest(emu.url, 'GET', '/v1/customers?limit=1');
    expect(none.headers['stripe-version']).toBe(API_VERSION);
  });
});

describe('currencies', () => {
  it('accepts every currency Stripe supports, with its minor unit', async () => {
    const product = await emu.stripe.products.create({ name: 'Worldwide' });
    // Two-decimal, zero-decimal and three-decimal currencies the emulator used to refuse.
    for (const currency of ['afn', 'ngn', 'kes', 'egp', 'pkr', 'cny', 'cop', 'uzs', 'xcd', 'ugx', 'isk', 'kwd']) {
      const price = await emu.stripe.prices.create({ product: product.id, currency, unit_amount: 1000 });
      expect(price.currency).toBe(currency);
    }
    const zero = await emu.stripe.paymentIntents.create({ amount: 500, currency: 'ugx', payment_method: 'pm_card_visa', confirm: true });
    expect(zero).toMatchObject({ status: 'succeeded', amount_received: 500 });
    const three = await emu.stripe.paymentIntents.create({ amount: 5120, currency: 'kwd', payment_method: 'pm_card_visa', confirm: true });
    expect(three.status).toBe('succeeded');
  });

  it('enforces the minor-unit rule: three-decimal amounts end in 0, ISK amounts in 00; unknown codes are refused', async () => {
    const kwd = await rawRequest(emu.url, 'POST', '/v1/payment_intents', { body: 'amount=5124&currency=kwd' });
    expect(kwd.status).toBe(400);
    expect((kwd.json as ErrorBody).error).toMatchObject({ param: 'amount' });
    expect((kwd.json as ErrorBody).error.message).toContain('multiple of 10');
    const isk = await rawRequest(emu.url, 'POST', '/v1/payment_intents', { body: 'amount=50050&currency=isk' });
    expect(isk.status).toBe(400);
    expect((isk.json as ErrorBody).error.message).toContain('multiple of 100');
    const bogus = await rawRequest(emu.url, 'POST', '/v1/payment_intents', { body: 'amount=500&currency=xyz' });
    expect(bogus.status).toBe(400);
    expect((bogus.json as ErrorBody).error.param).toBe('currency');
  });
});
