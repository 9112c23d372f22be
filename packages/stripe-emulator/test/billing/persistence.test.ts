// Scenario: `npm run demo` restarts the emulator (EMULATOR_DATA). Subscriptions, invoices and the scheduled
// work behind them (renewals, finalization, receipts) must carry on after the restart.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestEmulator } from '../helpers.js';
import { advanceClock, createPlan, customerWithCard, intentIdOf, invoiceOf } from './setup.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const T0 = Date.parse('2026-01-15T00:00:00Z') / 1000;

describe('[developer] restarts the emulator with a state file', () => {
  it('renews and pays a subscription created before the restart', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'stripe-emulator-billing-'));
    dirs.push(dir);
    const dataFile = path.join(dir, 'emulator.json');

    const first = await startTestEmulator({ dataFile });
    const clock = await first.stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const price = await createPlan(first.stripe, { amount: 1800 });
    const { customer } = await customerWithCard(first.stripe, 'pm_card_visa', clock.id);
    const sub = await first.stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
    const pending = await first.stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: (await createPlan(first.stripe, { amount: 700 })).id }],
      payment_behavior: 'default_incomplete',
      expand: ['latest_invoice.confirmation_secret'],
    });
    await first.close();

    const second = await startTestEmulator({ dataFile });
    try {
      const { stripe } = second;
      // A PaymentIntent created before the restart still pays its invoice.
      const piId = intentIdOf(invoiceOf(pending).confirmation_secret?.client_secret ?? '');
      await stripe.paymentIntents.confirm(piId, { payment_method: 'pm_card_visa' });
      expect((await stripe.subscriptions.retrieve(pending.id)).status).toBe('active');

      const end = sub.items.data[0].current_period_end;
      await advanceClock(stripe, clock.id, end + 2 * 3600);
      const [renewal] = (await stripe.invoices.list({ subscription: sub.id, limit: 1 })).data;
      expect(renewal.billing_reason).toBe('subscription_cycle');
      expect(renewal.status).toBe('paid');
      expect(renewal.number).toMatch(/-0003$/);
    } finally {
      await second.close();
    }
  });
});
