import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startTestEmulator, type TestEmulator } from './helpers.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

async function count(): Promise<number> {
  const response = await rawRequest(emu.url, 'GET', '/_emulator/requests/count', { key: null });
  expect(response.status).toBe(200);
  return (response.json as { count: number }).count;
}

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
});
