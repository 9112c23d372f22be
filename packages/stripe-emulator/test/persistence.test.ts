import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rawRequest, startTestEmulator } from './helpers.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('persistence (EMULATOR_DATA)', () => {
  it('keeps customers, payment methods, catalog and events across a restart', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'stripe-emulator-'));
    dirs.push(dir);
    const dataFile = path.join(dir, 'state', 'emulator.json');

    const first = await startTestEmulator({ dataFile });
    const customer = await first.stripe.customers.create({ email: 'persist@example.com', metadata: { org: 'org_9' } });
    const pm = await first.stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    const product = await first.stripe.products.create({ name: 'Plan', default_price_data: { currency: 'jpy', unit_amount: 1200, recurring: { interval: 'month' } } });
    const replayKey = 'persisted-key';
    const created = await first.stripe.coupons.create({ percent_off: 15, duration: 'forever' }, { idempotencyKey: replayKey });
    await first.close();

    const saved: unknown = JSON.parse(await readFile(dataFile, 'utf8'));
    expect(saved).toMatchObject({ format: 'seikyu-stripe-emulator/1' });

    const second = await startTestEmulator({ dataFile });
    try {
      expect(await second.stripe.customers.retrieve(customer.id)).toMatchObject({ email: 'persist@example.com', metadata: { org: 'org_9' } });
      expect((await second.stripe.paymentMethods.retrieve(pm.id)).customer).toBe(customer.id);
      const price = await second.stripe.prices.retrieve(String(product.default_price));
      expect(price.unit_amount).toBe(1200);
      expect(String(price.unit_amount_decimal)).toBe('1200');
      const again = await second.stripe.coupons.create({ percent_off: 15, duration: 'forever' }, { idempotencyKey: replayKey });
      expect(again.id).toBe(created.id);
      const events = await second.stripe.events.list({ type: 'customer.created' });
      expect(events.data.map((e) => (e.data.object as { id: string }).id)).toContain(customer.id);
      // The card still behaves as the test card it is.
      const pi = await second.stripe.paymentIntents.create({ amount: 500, currency: 'jpy', customer: customer.id, payment_method: pm.id, confirm: true, off_session: true });
      expect(pi.status).toBe('succeeded');
    } finally {
      await second.close();
    }
  });

  it('saves shortly after a mutation, without waiting for close, and reset empties it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'stripe-emulator-'));
    dirs.push(dir);
    const dataFile = path.join(dir, 'emulator.json');
    const emu = await startTestEmulator({ dataFile });
    try {
      const c = await emu.stripe.customers.create({ email: 'debounce@example.com' });
      await new Promise((r) => setTimeout(r, 400));
      expect(await readFile(dataFile, 'utf8')).toContain(c.id);
      const reset = await rawRequest(emu.url, 'POST', '/_emulator/reset', { key: null });
      expect(reset.status).toBe(200);
      expect(await readFile(dataFile, 'utf8')).not.toContain(c.id);
      expect((await emu.stripe.customers.list()).data).toHaveLength(0);
    } finally {
      await emu.close();
    }
  });
});
