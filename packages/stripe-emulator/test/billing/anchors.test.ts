// Scenarios: a billing cycle anchored on the 1st of the month (prorated first invoice), a trial that ends with
// no payment method under trial_settings.end_behavior, and a credit balance used by the next invoice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../helpers.js';
import { DAY, advanceClock, createPlan, customerWithCard } from './setup.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

const T0 = Date.parse('2026-06-10T12:00:00Z') / 1000;
const JULY_1 = Date.parse('2026-07-01T00:00:00Z') / 1000;

describe('[customer] anchors billing on the 1st of the month', () => {
  it('prorates the stub period to the anchor, then bills full months from it', async () => {
    const { stripe } = emu;
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const price = await createPlan(stripe, { amount: 3000 });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa', clock.id);
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], billing_cycle_anchor: JULY_1, expand: ['latest_invoice'] });
    expect(sub.billing_cycle_anchor).toBe(JULY_1);
    expect(sub.items.data[0].current_period_end).toBe(JULY_1);
    const first = sub.latest_invoice;
    if (!first || typeof first === 'string') throw new Error('expected invoice');
    const june1 = Date.parse('2026-06-01T00:00:00Z') / 1000;
    expect(first.amount_paid).toBe(Math.round((3000 * (JULY_1 - T0)) / (JULY_1 - june1)));

    await advanceClock(stripe, clock.id, JULY_1 + 2 * 3600);
    const renewed = await stripe.subscriptions.retrieve(sub.id);
    expect(renewed.items.data[0].current_period_end).toBe(Date.parse('2026-08-01T00:00:00Z') / 1000);
    const [renewal] = (await stripe.invoices.list({ subscription: sub.id, limit: 1 })).data;
    expect(renewal.amount_paid).toBe(3000);
  });
});

describe('[customer] free trial without a card', () => {
  it('cancels at the end of the trial when end_behavior says cancel', async () => {
    const { stripe } = emu;
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const price = await createPlan(stripe, { amount: 3000 });
    const { customer } = await customerWithCard(stripe, null, clock.id);
    const sub = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      trial_period_days: 7,
      trial_settings: { end_behavior: { missing_payment_method: 'cancel' } },
    });
    expect(sub.status).toBe('trialing');
    await advanceClock(stripe, clock.id, T0 + 8 * DAY);
    const ended = await stripe.subscriptions.retrieve(sub.id);
    expect(ended.status).toBe('canceled');
    expect(ended.ended_at).toBe(T0 + 7 * DAY);
    expect((await stripe.invoices.list({ subscription: sub.id })).data).toHaveLength(1);
  });

  it('pauses at the end of the trial when end_behavior says pause', async () => {
    const { stripe } = emu;
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const price = await createPlan(stripe, { amount: 3000 });
    const { customer } = await customerWithCard(stripe, null, clock.id);
    const sub = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      trial_period_days: 7,
      trial_settings: { end_behavior: { missing_payment_method: 'pause' } },
    });
    await advanceClock(stripe, clock.id, T0 + 8 * DAY);
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe('paused');
    // Adding a card and resuming starts a paid period at once.
    const pm = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } });
    const resumed = await stripe.subscriptions.resume(sub.id, { billing_cycle_anchor: { type: 'now' } });
    expect(resumed.status).toBe('active');
    expect(resumed.items.data[0].current_period_start).toBe(T0 + 8 * DAY);
    await advanceClock(stripe, clock.id, T0 + 8 * DAY + 2 * 3600);
    const [invoice] = (await stripe.invoices.list({ subscription: sub.id, limit: 1 })).data;
    expect(invoice.billing_reason).toBe('subscription_update');
    expect(invoice.status).toBe('paid');
    expect(invoice.amount_paid).toBe(3000);
  });
});

describe('[admin] credits a customer', () => {
  it('uses the credit balance before charging the card', async () => {
    const { stripe } = emu;
    const price = await createPlan(stripe, { amount: 2000 });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa');
    await stripe.customers.update(customer.id, { balance: -500 });
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], expand: ['latest_invoice'] });
    const inv = sub.latest_invoice;
    if (!inv || typeof inv === 'string') throw new Error('expected invoice');
    expect(inv.total).toBe(2000);
    expect(inv.starting_balance).toBe(-500);
    expect(inv.amount_due).toBe(1500);
    expect(inv.amount_paid).toBe(1500);
    const after = await stripe.customers.retrieve(customer.id);
    expect('balance' in after && after.balance).toBe(0);
  });
});
