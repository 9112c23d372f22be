// Scenario: a `once` coupon on a subscription whose first invoice costs nothing (usage billed in arrears, a trial).
// Stripe ignores coupons on zero-cost invoices and does not count them as redeemed (API changelog 2013-10-29,
// "Coupons only apply to an invoice's total balance, no longer applying to zero-cost invoices"): the coupon stays on
// the subscription and takes off the first invoice that has an amount, then ends.
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../helpers.js';
import { DAY, advanceClock, createPlan, customerWithCard } from './setup.js';

const T0 = Date.UTC(2027, 0, 4, 9, 0, 0) / 1000;

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

async function couponIdsOf(stripe: Stripe, subscriptionId: string): Promise<string[]> {
  const sub = await stripe.subscriptions.retrieve(subscriptionId, { expand: ['discounts'] });
  return sub.discounts.map((d) => {
    if (typeof d === 'string') throw new Error('discounts were not expanded');
    const coupon = d.source.coupon;
    return typeof coupon === 'string' ? coupon : (coupon?.id ?? '');
  });
}

describe('[customer] a once coupon waits for the first invoice with an amount', () => {
  it('survives the $0 first invoice of usage billed in arrears and takes off the first usage invoice', async () => {
    const { stripe } = emu;
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const eventName = `device_hours_once_${Date.now()}`;
    const meter = await stripe.billing.meters.create({
      display_name: 'Device hours',
      event_name: eventName,
      default_aggregation: { formula: 'sum' },
      customer_mapping: { event_payload_key: 'stripe_customer_id', type: 'by_id' },
      value_settings: { event_payload_key: 'value' },
    });
    const product = await stripe.products.create({ name: 'On-demand' });
    const price = await stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 25, recurring: { interval: 'month', usage_type: 'metered', meter: meter.id } });
    const once = await stripe.coupons.create({ percent_off: 10, duration: 'once', name: 'Welcome' });
    const repeating = await stripe.coupons.create({ percent_off: 20, duration: 'repeating', duration_in_months: 3, name: 'Launch' });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa', clock.id);
    const sub = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      discounts: [{ coupon: once.id }, { coupon: repeating.id }],
      expand: ['latest_invoice'],
    });
    const first = sub.latest_invoice as Stripe.Invoice;
    expect(first.subtotal).toBe(0);
    expect(first.amount_due).toBe(0);
    // Nothing was taken off the $0 invoice, so the once coupon is still there.
    expect(await couponIdsOf(stripe, sub.id)).toEqual([once.id, repeating.id]);

    await advanceClock(stripe, clock.id, T0 + 2 * DAY);
    await stripe.billing.meterEvents.create({ event_name: eventName, payload: { stripe_customer_id: customer.id, value: '40' }, identifier: 'hours-1' });
    await advanceClock(stripe, clock.id, sub.items.data[0].current_period_end + 2 * 3600);
    const [renewal] = (await stripe.invoices.list({ subscription: sub.id, limit: 1 })).data;
    expect(renewal.billing_reason).toBe('subscription_cycle');
    expect(renewal.subtotal).toBe(1000);
    // 10 % of $10.00, then 20 % of what is left: $9.00 → $7.20.
    expect(renewal.total_discount_amounts?.map((d) => d.amount)).toEqual([100, 180]);
    expect(renewal.total).toBe(720);
    // Used now: the once coupon is gone, the repeating one runs on.
    expect(await couponIdsOf(stripe, sub.id)).toEqual([repeating.id]);
  });

  it('survives a trial’s $0 invoice and takes off the first paid invoice after the trial', async () => {
    const { stripe } = emu;
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const price = await createPlan(stripe, { amount: 2000 });
    const once = await stripe.coupons.create({ amount_off: 500, currency: 'usd', duration: 'once', name: 'Thank you' });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa', clock.id);
    const sub = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      trial_period_days: 7,
      discounts: [{ coupon: once.id }],
      expand: ['latest_invoice'],
    });
    expect((sub.latest_invoice as Stripe.Invoice).amount_due).toBe(0);
    expect(await couponIdsOf(stripe, sub.id)).toEqual([once.id]);

    await advanceClock(stripe, clock.id, T0 + 7 * DAY + 2 * 3600);
    const [afterTrial] = (await stripe.invoices.list({ subscription: sub.id, limit: 1 })).data;
    expect(afterTrial.subtotal).toBe(2000);
    expect(afterTrial.total).toBe(1500);
    expect(await couponIdsOf(stripe, sub.id)).toEqual([]);
  });
});
