// Scenarios for an operator's draft review: a renewal draft with auto_advance=false stays a draft past its
// finalization time; one-off items added, changed and removed on the draft; a coupon applied and removed;
// approve = finalize + pay; send, void and mark_uncollectible with their events and their refusals, where a
// refused request changes nothing.
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
