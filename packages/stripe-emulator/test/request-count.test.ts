import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startTestEmulator, type TestEmulator } from './helpers.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

type Answer = { count: number; by_endpoint: Record<string, number> };

async function counts(): Promise<Answer> {
  const response = await rawRequest(emu.url, 'GET', '/_emulator/requests/count', { key: null });
  expect(response.status).toBe(200);
  return response.json as Answer;
}
const count = async () => (await counts()).count;

describe('GET /_emulator/requests/count', () => {
  it('counts Stripe requests, failed ones too, but not the test controls', async () => {
    const before = await count();
    await emu.stripe.customers.create({ email: 'count@example.com' });
    await emu.stripe.customers.list({ limit: 1 });
    expect((await rawRequest(emu.url, 'GET', '/v1/customers', { key: null })).status).toBe(401);
    await rawRequest(emu.url, 'GET', '/_emulator/health', { key: null });
    expect(await count()).toBe(before + 3);
    expect(await count()).toBe(before + 3);
  });

  it('counts by endpoint, with object ids and query strings folded away', async () => {
    const before = (await counts()).by_endpoint;
    const customer = await emu.stripe.customers.create({ email: 'by-endpoint@example.com' });
    await emu.stripe.customers.retrieve(customer.id);
    await emu.stripe.customers.retrieve(customer.id, { expand: ['invoice_settings.default_payment_method'] });
    await emu.stripe.customers.list({ limit: 1 });
    await emu.stripe.customers.listPaymentMethods(customer.id);
    const after = (await counts()).by_endpoint;
    const added = (endpoint: string) => (after[endpoint] ?? 0) - (before[endpoint] ?? 0);
    expect(added('POST /v1/customers')).toBe(1);
    expect(added('GET /v1/customers/:id')).toBe(2);
    expect(added('GET /v1/customers')).toBe(1);
    expect(added('GET /v1/customers/:id/payment_methods')).toBe(1);
  });
});
