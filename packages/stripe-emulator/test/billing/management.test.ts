// Scenarios: seats through /v1/subscription_items, immediate cancellation with a final prorated invoice, list
// filters, and deleting a test clock (which deletes its customers and ends their subscriptions).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, stripeError, type TestEmulator } from '../helpers.js';
import { DAY, advanceClock, createPlan, customerWithCard } from './setup.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

const T0 = Date.parse('2026-05-01T00:00:00Z') / 1000;

describe('[admin] manages seats and cancellations', () => {
  it('adds a device item, changes its quantity, then cancels now with a prorated final invoice', async () => {
    const { stripe } = emu;
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const base = await createPlan(stripe, { amount: 5000, name: 'Backup base' });
    const device = await createPlan(stripe, { amount: 1000, name: 'Device' });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa', clock.id);
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: base.id }] });
    const { current_period_start: start, current_period_end: end } = sub.items.data[0];

    const duplicate = await stripeError(stripe.subscriptionItems.create({ subscription: sub.id, price: base.id }));
    expect(duplicate.statusCode).toBe(400);

    await advanceClock(stripe, clock.id, T0 + 10 * DAY);
    const at = T0 + 10 * DAY;
    const item = await stripe.subscriptionItems.create({ subscription: sub.id, price: device.id, quantity: 4, proration_date: at });
    expect(item.quantity).toBe(4);
    expect(item.current_period_end).toBe(end);
    const listed = await stripe.subscriptionItems.list({ subscription: sub.id });
    expect(listed.data.map((i) => i.price.id).sort()).toEqual([base.id, device.id].sort());
    let pending = await stripe.invoiceItems.list({ customer: customer.id, pending: true });
    expect(pending.data.map((i) => i.amount)).toEqual([Math.round((4000 * (end - at)) / (end - start))]);

    const fewer = await stripe.subscriptionItems.update(item.id, { quantity: 2, proration_date: at });
    expect(fewer.quantity).toBe(2);
    pending = await stripe.invoiceItems.list({ customer: customer.id, pending: true });
    expect(pending.data.reduce((sum, i) => sum + i.amount, 0)).toBe(Math.round((2000 * (end - at)) / (end - start)));

    const canceled = await stripe.subscriptions.cancel(sub.id, { invoice_now: true, prorate: true, cancellation_details: { feedback: 'too_expensive' } });
    expect(canceled.status).toBe('canceled');
    expect(canceled.ended_at).toBe(at);
    expect(canceled.cancellation_details).toMatchObject({ reason: 'cancellation_requested', feedback: 'too_expensive' });
    const [final] = (await stripe.invoices.list({ subscription: sub.id, limit: 1 })).data;
    // Credit for the unused base and devices, plus the device prorations not yet invoiced: a net credit.
    const expected =
      Math.round((2000 * (end - at)) / (end - start)) -
      Math.round((5000 * (end - at)) / (end - start)) -
      Math.round((2000 * (end - at)) / (end - start));
    expect(final.total).toBe(expected);
    expect(final.amount_due).toBe(0);
    expect((await stripeError(stripe.subscriptions.update(sub.id, { description: 'x' }))).statusCode).toBe(400);
    const updatedMeta = await stripe.subscriptions.update(sub.id, { metadata: { note: 'churned' } });
    expect(updatedMeta.metadata.note).toBe('churned');
  });

  it('filters lists by status, customer and price, and pages them', async () => {
    const { stripe } = emu;
    const price = await createPlan(stripe, { amount: 700 });
    const other = await createPlan(stripe, { amount: 900 });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa');
    const a = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
    const b = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: other.id }] });
    await stripe.subscriptions.cancel(a.id);
    expect((await stripe.subscriptions.list({ customer: customer.id })).data.map((s) => s.id)).toEqual([b.id]);
    expect((await stripe.subscriptions.list({ customer: customer.id, status: 'all' })).data).toHaveLength(2);
    expect((await stripe.subscriptions.list({ price: other.id })).data.map((s) => s.id)).toEqual([b.id]);
    const page = await stripe.invoices.list({ customer: customer.id, limit: 1 });
    expect(page.has_more).toBe(true);
    const next = await stripe.invoices.list({ customer: customer.id, limit: 1, starting_after: page.data[0].id });
    expect(next.data[0].id).not.toBe(page.data[0].id);
    expect((await stripe.invoices.list({ customer: customer.id, status: 'paid' })).data).toHaveLength(2);
  });
});

describe('[developer] deletes a test clock', () => {
  it('deletes the clock, its customers, and ends their subscriptions', async () => {
    const { stripe } = emu;
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0, name: 'throwaway' });
    const price = await createPlan(stripe, { amount: 100 });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa', clock.id);
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
    const deleted = await stripe.testHelpers.testClocks.del(clock.id);
    expect(deleted.deleted).toBe(true);
    expect((await stripeError(stripe.testHelpers.testClocks.retrieve(clock.id))).statusCode).toBe(404);
    const gone = await stripe.customers.retrieve(customer.id);
    expect('deleted' in gone && gone.deleted).toBe(true);
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe('canceled');
  });
});
