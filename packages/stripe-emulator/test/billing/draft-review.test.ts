// Scenarios for an operator's draft review: a renewal draft with auto_advance=false stays a draft past its
// finalization time; one-off items added, changed and removed on the draft; a coupon applied and removed;
// approve = finalize + pay; send, void and mark_uncollectible with their events and their refusals, where a
// refused request changes nothing.
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, stripeError, type TestEmulator } from '../helpers.js';
import { DAY, advanceClock, createPlan, customerWithCard, eventTypesFor } from './setup.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

const T0 = Date.parse('2026-04-01T00:00:00Z') / 1000;
const RENEWAL = Date.parse('2026-05-01T00:00:00Z') / 1000;

describe('[admin] a held renewal draft', () => {
  it('stays a draft with auto_advance=false, takes edits with recomputed totals, then finalizes and pays on approval', async () => {
    const { stripe } = emu;
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const price = await createPlan(stripe, { amount: 10_000 });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa', clock.id);
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });

    await advanceClock(stripe, clock.id, RENEWAL + 60);
    const [draft] = (await stripe.invoices.list({ subscription: sub.id, status: 'draft' })).data;
    if (!draft) throw new Error('expected a renewal draft');
    expect(draft.auto_advance).toBe(true);
    const held = await stripe.invoices.update(draft.id, { auto_advance: false });
    expect(held.auto_advance).toBe(false);
    expect(held.automatically_finalizes_at).toBeNull();

    await advanceClock(stripe, clock.id, RENEWAL + 3 * DAY);
    const still = await stripe.invoices.retrieve(draft.id);
    expect(still.status).toBe('draft');
    expect(await eventTypesFor(stripe, draft.id, 'invoice.finalized')).toEqual([]);

    const item = await stripe.invoiceItems.create({ customer: customer.id, invoice: draft.id, amount: 2_000, currency: 'usd', description: 'Onboarding' });
    expect((await stripe.invoices.retrieve(draft.id)).total).toBe(12_000);
    await stripe.invoiceItems.update(item.id, { amount: 3_000 });
    expect((await stripe.invoices.retrieve(draft.id)).total).toBe(13_000);
    const coupon = await stripe.coupons.create({ percent_off: 10, duration: 'once' });
    const discounted = await stripe.invoices.update(draft.id, { discounts: [{ coupon: coupon.id }], description: 'Reviewed by ops' });
    expect(discounted.total).toBe(11_700);
    expect(discounted.description).toBe('Reviewed by ops');
    expect((await stripe.invoices.update(draft.id, { discounts: '' })).total).toBe(13_000);
    await stripe.invoiceItems.del(item.id);
    expect((await stripe.invoices.retrieve(draft.id)).total).toBe(10_000);

    const open = await stripe.invoices.finalizeInvoice(draft.id, { auto_advance: false });
    expect(open.status).toBe('open');
    const paid = await stripe.invoices.pay(open.id);
    expect(paid.status).toBe('paid');
    expect(paid.amount_paid).toBe(10_000);

    // Finalizing again, voiding or marking a paid invoice uncollectible is refused and changes nothing.
    expect((await stripeError(stripe.invoices.finalizeInvoice(draft.id))).code).toBe('invoice_not_editable');
    expect((await stripeError(stripe.invoices.voidInvoice(draft.id))).code).toBe('invoice_not_editable');
    expect((await stripeError(stripe.invoices.markUncollectible(draft.id))).code).toBe('invoice_not_editable');
    const after = await stripe.invoices.retrieve(draft.id);
    expect(after.status).toBe('paid');
    expect(after.amount_paid).toBe(10_000);
    expect(await eventTypesFor(stripe, draft.id, 'invoice.voided')).toEqual([]);
    // Items cannot be added to an invoice once it left draft.
    expect((await stripeError(stripe.invoiceItems.create({ customer: customer.id, invoice: draft.id, amount: 100, currency: 'usd' }))).code).toBe(
      'invoice_not_editable',
    );
    expect((await stripe.invoices.retrieve(draft.id)).total).toBe(10_000);
  });
});

describe('[admin] several coupons on one draft', () => {
  it('keeps earlier discounts when they are passed back by id, applies each in order, and removes only the one left out', async () => {
    const { stripe } = emu;
    const { customer } = await customerWithCard(stripe, null);
    const inv = await stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice', days_until_due: 14, currency: 'jpy' });
    await stripe.invoiceItems.create({ customer: customer.id, invoice: inv.id, amount: 5_500, currency: 'jpy' });
    const thankYou = await stripe.coupons.create({ name: 'Thank you ¥500', amount_off: 500, currency: 'jpy', duration: 'once' });
    const welcome = await stripe.coupons.create({ name: 'Welcome 10%', percent_off: 10, duration: 'once' });

    const one = await stripe.invoices.update(inv.id, { discounts: [{ coupon: thankYou.id }] });
    expect(one.total).toBe(5_000);
    const [first] = one.discounts;
    const firstId = typeof first === 'string' ? first : first!.id;

    // `discounts` replaces the whole list: the first is passed back by id, the new coupon after it.
    const both = await stripe.invoices.update(inv.id, { discounts: [{ discount: firstId }, { coupon: welcome.id }] });
    expect(both.discounts).toHaveLength(2);
    expect(both.discounts[0]).toBe(firstId);
    // In order: ¥500 off ¥5,500, then 10 % of the ¥5,000 left.
    expect(both.total_discount_amounts?.map((d) => d.amount)).toEqual([500, 500]);
    expect(both.total).toBe(4_500);

    // Expanded, a discount names its coupon by id; expanding the coupon too gives its name and terms.
    const expanded = await stripe.invoices.retrieve(inv.id, { expand: ['discounts'] });
    const discounts = expanded.discounts as Stripe.Discount[];
    expect(discounts.map((d) => d.source.coupon)).toEqual([thankYou.id, welcome.id]);
    const withCoupons = await stripe.invoices.retrieve(inv.id, { expand: ['discounts', 'discounts.source.coupon'] });
    expect((withCoupons.discounts as Stripe.Discount[]).map((d) => (d.source.coupon as Stripe.Coupon).name)).toEqual(['Thank you ¥500', 'Welcome 10%']);

    // Leaving the first out removes it from this invoice only; the second stays with its own id.
    const secondId = both.discounts[1] as string;
    const kept = await stripe.invoices.update(inv.id, { discounts: [{ discount: secondId }] });
    expect(kept.discounts).toEqual([secondId]);
    expect(kept.total).toBe(4_950);
  });

  it('lets a renewal draft reuse its subscription’s discount beside a new coupon, on this invoice only', async () => {
    const { stripe } = emu;
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: T0 });
    const price = await createPlan(stripe, { amount: 10_000 });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa', clock.id);
    const forever = await stripe.coupons.create({ percent_off: 20, duration: 'forever' });
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], discounts: [{ coupon: forever.id }] });
    await advanceClock(stripe, clock.id, RENEWAL + 60);
    const [draft] = (await stripe.invoices.list({ subscription: sub.id, status: 'draft' })).data;
    if (!draft) throw new Error('expected a renewal draft');
    const subscriptionDiscount = sub.discounts[0] as string;
    expect(draft.discounts).toEqual([subscriptionDiscount]);
    expect(draft.total).toBe(8_000);

    const extra = await stripe.coupons.create({ amount_off: 1_000, currency: 'usd', duration: 'once' });
    const both = await stripe.invoices.update(draft.id, { discounts: [{ discount: subscriptionDiscount }, { coupon: extra.id }] });
    expect(both.discounts[0]).toBe(subscriptionDiscount);
    expect(both.total).toBe(7_000);
    const without = await stripe.invoices.update(draft.id, { discounts: [{ discount: both.discounts[1] as string }] });
    expect(without.total).toBe(9_000);
    expect((await stripe.subscriptions.retrieve(sub.id)).discounts).toEqual([subscriptionDiscount]);
  });

  it('refuses the same coupon twice and a discount of another customer’s invoice, and changes nothing', async () => {
    const { stripe } = emu;
    const { customer } = await customerWithCard(stripe, null);
    const { customer: other } = await customerWithCard(stripe, null);
    const inv = await stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice', days_until_due: 14, currency: 'jpy' });
    await stripe.invoiceItems.create({ customer: customer.id, invoice: inv.id, amount: 5_000, currency: 'jpy' });
    const otherInv = await stripe.invoices.create({ customer: other.id, collection_method: 'send_invoice', days_until_due: 14, currency: 'jpy' });
    await stripe.invoiceItems.create({ customer: other.id, invoice: otherInv.id, amount: 5_000, currency: 'jpy' });
    const coupon = await stripe.coupons.create({ percent_off: 10, duration: 'once' });
    const applied = await stripe.invoices.update(inv.id, { discounts: [{ coupon: coupon.id }] });
    const foreign = await stripe.invoices.update(otherInv.id, { discounts: [{ coupon: coupon.id }] });

    const twice = await stripeError(stripe.invoices.update(inv.id, { discounts: [{ discount: applied.discounts[0] as string }, { coupon: coupon.id }] }));
    expect(twice.statusCode).toBe(400);
    const stolen = await stripeError(stripe.invoices.update(inv.id, { discounts: [{ discount: foreign.discounts[0] as string }] }));
    expect(stolen.statusCode).toBe(400);
    expect(stolen.param).toBe('discounts[0][discount]');
    const after = await stripe.invoices.retrieve(inv.id);
    expect(after.discounts).toEqual(applied.discounts);
    expect(after.total).toBe(4_500);
  });
});

describe('[admin] send, void and mark uncollectible', () => {
  it('sends an open send_invoice invoice (invoice.sent), refuses to send a draft, voids and marks uncollectible with events', async () => {
    const { stripe } = emu;
    const { customer } = await customerWithCard(stripe, null);
    const inv = await stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice', days_until_due: 14 });
    await stripe.invoiceItems.create({ customer: customer.id, invoice: inv.id, amount: 5_000, currency: 'usd' });
    expect((await stripeError(stripe.invoices.sendInvoice(inv.id))).code).toBe('invoice_not_editable');
    expect(await eventTypesFor(stripe, inv.id, 'invoice.sent')).toEqual([]);
    await stripe.invoices.finalizeInvoice(inv.id);
    const sent = await stripe.invoices.sendInvoice(inv.id);
    expect(sent.status).toBe('open');
    expect(await eventTypesFor(stripe, inv.id, 'invoice.sent')).toEqual(['invoice.sent']);

    const uncollectible = await stripe.invoices.markUncollectible(inv.id);
    expect(uncollectible.status).toBe('uncollectible');
    const voided = await stripe.invoices.voidInvoice(inv.id);
    expect(voided.status).toBe('void');
    expect(voided.amount_remaining).toBe(0);
    expect(await eventTypesFor(stripe, inv.id, 'invoice.marked_uncollectible')).toEqual(['invoice.marked_uncollectible']);
    expect(await eventTypesFor(stripe, inv.id, 'invoice.voided')).toEqual(['invoice.voided']);
    expect((await stripeError(stripe.invoices.voidInvoice(inv.id))).statusCode).toBe(400);
  });
});
