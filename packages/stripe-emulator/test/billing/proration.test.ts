// Scenario: an upgrade in the middle of a period (Stripe's "Prorations" guide). The proration lines must equal
// Stripe's formula, and POST /v1/invoices/create_preview must show exactly what the real update then creates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Stripe from 'stripe';
import { startTestEmulator, type TestEmulator } from '../helpers.js';
import { DAY, advanceClock, createPlan, customerWithCard } from './setup.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

const T0 = Date.parse('2026-03-01T00:00:00Z') / 1000;

/** Stripe's time-based proration: amount × (period_end − proration_date) / (period_end − period_start), rounded. */
function prorate(amount: number, start: number, end: number, at: number): number {
  return Math.round((amount * (end - at)) / (end - start));
}

function prorationLines(inv: Stripe.Invoice): { amount: number; description: string | null }[] {
  return inv.lines.data
    .filter((l) => l.parent?.subscription_item_details?.proration || l.parent?.invoice_item_details?.proration)
    .map((l) => ({ amount: l.amount, description: l.description }));
}

describe('[customer] upgrades mid-period', () => {
  it('credits unused time and charges remaining time by the formula; the preview matches the real change', async () => {
    const { stripe } = emu;
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const basic = await createPlan(stripe, { amount: 1999, name: 'Basic' });
    const pro = await createPlan(stripe, { amount: 4999, name: 'Pro' });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa', clock.id);
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: basic.id, quantity: 2 }] });
    const item = sub.items.data[0];
    const { current_period_start: start, current_period_end: end } = item;

    await advanceClock(stripe, clock.id, T0 + 11 * DAY + 7_777);
    const prorationDate = T0 + 11 * DAY + 7_777;
    const expectedCredit = -prorate(1999 * 2, start, end, prorationDate);
    const expectedDebit = prorate(4999 * 2, start, end, prorationDate);

    const preview = await stripe.invoices.createPreview({
      customer: customer.id,
      subscription: sub.id,
      subscription_details: { items: [{ id: item.id, price: pro.id }], proration_date: prorationDate },
    });
    expect(preview.id).toMatch(/^upcoming_/);
    const previewed = prorationLines(preview);
    expect(previewed.map((l) => l.amount)).toEqual([expectedCredit, expectedDebit]);
    expect(previewed[0].description).toMatch(/^Unused time on 2 × Basic after /);
    expect(previewed[1].description).toMatch(/^Remaining time on 2 × Pro after /);
    // The preview is the next renewal invoice: prorations plus the next period at the new price.
    expect(preview.amount_due).toBe(expectedCredit + expectedDebit + 4999 * 2);

    const updated = await stripe.subscriptions.update(sub.id, {
      items: [{ id: item.id, price: pro.id }],
      proration_date: prorationDate,
    });
    expect(updated.items.data[0].price.id).toBe(pro.id);
    expect(updated.items.data[0].quantity).toBe(2);
    const pending = await stripe.invoiceItems.list({ customer: customer.id, pending: true });
    const amounts = pending.data.map((ii) => ii.amount).sort((a, b) => a - b);
    expect(amounts).toEqual([expectedCredit, expectedDebit].sort((a, b) => a - b));
    expect(pending.data.every((ii) => ii.proration && ii.period.start === prorationDate && ii.period.end === end)).toBe(true);

    // At renewal the prorations land on the invoice with the new period's charge.
    await advanceClock(stripe, clock.id, end + 2 * 3600);
    const [renewal] = (await stripe.invoices.list({ subscription: sub.id, limit: 1 })).data;
    expect(prorationLines(renewal).map((l) => l.amount).sort((a, b) => a - b)).toEqual(amounts);
    expect(renewal.amount_paid).toBe(preview.amount_due);
  });

  it('bills the difference at once with always_invoice and nothing with none', async () => {
    const { stripe } = emu;
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const small = await createPlan(stripe, { amount: 1000, name: 'Small' });
    const large = await createPlan(stripe, { amount: 3000, name: 'Large' });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa', clock.id);
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: small.id }] });
    const item = sub.items.data[0];
    await advanceClock(stripe, clock.id, T0 + 10 * DAY);
    const at = T0 + 10 * DAY;
    const preview = await stripe.invoices.createPreview({
      subscription: sub.id,
      subscription_details: { items: [{ id: item.id, price: large.id }], proration_behavior: 'always_invoice', proration_date: at },
    });
    const updated = await stripe.subscriptions.update(sub.id, {
      items: [{ id: item.id, price: large.id }],
      proration_behavior: 'always_invoice',
      proration_date: at,
      expand: ['latest_invoice'],
    });
    const inv = updated.latest_invoice;
    if (!inv || typeof inv === 'string') throw new Error('expected invoice');
    expect(inv.billing_reason).toBe('subscription_update');
    const expected = prorate(3000, item.current_period_start, item.current_period_end, at) - prorate(1000, item.current_period_start, item.current_period_end, at);
    expect(inv.amount_due).toBe(expected);
    expect(inv.status).toBe('paid');
    expect(preview.amount_due).toBe(expected);
    expect(prorationLines(preview)).toEqual(prorationLines(inv));

    // Restarting the cycle now credits the unused time and bills a full new period at once.
    const reset = await stripe.subscriptions.update(sub.id, { billing_cycle_anchor: { type: 'now' }, expand: ['latest_invoice'] });
    expect(reset.billing_cycle_anchor).toBe(at);
    expect(reset.items.data[0].current_period_start).toBe(at);
    const resetInvoice = reset.latest_invoice;
    if (!resetInvoice || typeof resetInvoice === 'string') throw new Error('expected invoice');
    expect(resetInvoice.amount_due).toBe(3000 - prorate(3000, item.current_period_start, item.current_period_end, at));

    const quiet = await stripe.subscriptions.update(sub.id, { items: [{ id: item.id, quantity: 3 }], proration_behavior: 'none' });
    expect(quiet.items.data[0].quantity).toBe(3);
    expect((await stripe.invoiceItems.list({ customer: customer.id, pending: true })).data).toHaveLength(0);
  });

  it('stacks several discounts in order on the invoice', async () => {
    const { stripe } = emu;
    const price = await createPlan(stripe, { amount: 10_000 });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa');
    const tenPercent = await stripe.coupons.create({ percent_off: 10, duration: 'forever', name: 'Campaign' });
    const fiveOff = await stripe.coupons.create({ amount_off: 500, currency: 'usd', duration: 'once', name: 'Thank you' });
    const promo = await stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: fiveOff.id }, code: `THANKS${Date.now()}` });
    const sub = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      discounts: [{ coupon: tenPercent.id }, { promotion_code: promo.id }],
      expand: ['latest_invoice'],
    });
    const inv = sub.latest_invoice;
    if (!inv || typeof inv === 'string') throw new Error('expected invoice');
    expect(inv.subtotal).toBe(10_000);
    expect(inv.discounts).toHaveLength(2);
    expect(inv.total_discount_amounts?.map((d) => d.amount)).toEqual([1000, 500]);
    expect(inv.total).toBe(8500);
    expect(inv.amount_paid).toBe(8500);
    // The `once` coupon is used up by the first invoice.
    expect((await stripe.subscriptions.retrieve(sub.id)).discounts).toHaveLength(1);
  });
});
