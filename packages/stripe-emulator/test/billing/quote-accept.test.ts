// Scenario: accepting and canceling Stripe Quotes through the real SDK. Accepting creates what the quote priced:
// a subscription (card: its first invoice paid through its PaymentIntent, or charged at once with a default card;
// bank transfer: an open invoice with its due date) or, for one-time lines only, a draft invoice. Accepting twice,
// a draft or a canceled quote is refused and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Stripe from 'stripe';
import { startTestEmulator, stripeError, type TestEmulator } from '../helpers.js';
import { DAY, createPlan, customerWithCard, eventTypesFor, intentIdOf, invoiceOf } from './setup.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

async function catalogue(stripe: Stripe) {
  const plan = await createPlan(stripe, { amount: 10_000, currency: 'jpy', name: 'Scheduling Pro' });
  const product = await stripe.products.create({ name: 'Onboarding' });
  const setup = await stripe.prices.create({ product: product.id, currency: 'jpy', unit_amount: 50_000 });
  const jct = await stripe.taxRates.create({ display_name: '消費税', percentage: 10, inclusive: false, country: 'JP' });
  return { plan, setup, jct };
}

async function openQuote(stripe: Stripe, params: Stripe.QuoteCreateParams): Promise<Stripe.Quote> {
  const draft = await stripe.quotes.create(params);
  return stripe.quotes.finalizeQuote(draft.id);
}

async function subscriptionOf(stripe: Stripe, quote: Stripe.Quote): Promise<Stripe.Subscription> {
  if (typeof quote.subscription !== 'string') throw new Error('the quote has no subscription');
  return stripe.subscriptions.retrieve(quote.subscription, { expand: ['latest_invoice.confirmation_secret'] });
}

describe('quotes: accept and cancel', () => {
  it('[card, no saved card] creates an incomplete subscription whose first invoice is paid through its PaymentIntent', async () => {
    const { stripe } = emu;
    const { plan, setup, jct } = await catalogue(stripe);
    const { customer } = await customerWithCard(stripe, null);
    const coupon = await stripe.coupons.create({ percent_off: 10, duration: 'once' });
    const quote = await openQuote(stripe, {
      customer: customer.id,
      line_items: [{ price: plan.id, quantity: 2 }, { price: setup.id }],
      discounts: [{ coupon: coupon.id }],
      default_tax_rates: [jct.id],
      subscription_data: { description: 'From quote', metadata: { quote: 'yes' } },
    });
    const accepted = await stripe.quotes.accept(quote.id);
    expect(accepted).toMatchObject({ status: 'accepted', invoice: null, subscription_schedule: null });
    expect(accepted.status_transitions.accepted_at).toBeGreaterThan(0);
    const sub = await subscriptionOf(stripe, accepted);
    expect(sub).toMatchObject({ status: 'incomplete', customer: customer.id, description: 'From quote', metadata: { quote: 'yes' }, collection_method: 'charge_automatically' });
    expect(sub.items.data.map((i) => [i.price.id, i.quantity])).toEqual([[plan.id, 2]]);
    const invoice = invoiceOf(sub);
    // What the customer accepted is what the first invoice charges: (20,000 + 50,000) − 10 % + 10 % tax.
    expect(invoice.total).toBe(quote.computed.upfront.amount_total);
    expect(invoice.total).toBe(69_300);
    expect(invoice.status).toBe('open');
    const paid = await stripe.paymentIntents.confirm(intentIdOf(invoice.confirmation_secret?.client_secret ?? ''), { payment_method: 'pm_card_visa' });
    expect(paid.status).toBe('succeeded');
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe('active');
    expect(await eventTypesFor(stripe, quote.id, 'quote.')).toEqual(['quote.created', 'quote.finalized', 'quote.accepted']);

    // Accepting twice is refused and creates nothing more.
    const again = await stripeError(stripe.quotes.accept(quote.id));
    expect(again.statusCode).toBe(400);
    expect(again.message).toMatch(/already been accepted/);
    expect((await stripe.subscriptions.list({ customer: customer.id, status: 'all' })).data).toHaveLength(1);
    expect((await stripeError(stripe.quotes.cancel(quote.id))).statusCode).toBe(400);
    expect((await stripe.quotes.retrieve(quote.id)).status).toBe('accepted');
  });

  it('[card, saved card] charges the first invoice at once; a trial bills only the one-time lines', async () => {
    const { stripe } = emu;
    const { plan, setup } = await catalogue(stripe);
    const { customer } = await customerWithCard(stripe, 'pm_card_visa');
    const quote = await openQuote(stripe, {
      customer: customer.id,
      line_items: [{ price: plan.id }, { price: setup.id }],
      subscription_data: { trial_period_days: 14 },
    });
    const sub = await subscriptionOf(stripe, await stripe.quotes.accept(quote.id));
    expect(sub.status).toBe('trialing');
    expect(sub.trial_end).toBe((sub.trial_start ?? 0) + 14 * DAY);
    const invoice = invoiceOf(sub);
    expect(invoice).toMatchObject({ status: 'paid', total: 50_000 });
    expect(invoice.total).toBe(quote.computed.upfront.amount_total);
  });

  it('[bank transfer] creates an active subscription whose first invoice is open with its due date', async () => {
    const { stripe } = emu;
    const { plan } = await catalogue(stripe);
    const { customer } = await customerWithCard(stripe, null);
    const quote = await openQuote(stripe, {
      customer: customer.id,
      line_items: [{ price: plan.id, quantity: 5 }],
      collection_method: 'send_invoice',
      invoice_settings: { days_until_due: 30 },
    });
    const sub = await subscriptionOf(stripe, await stripe.quotes.accept(quote.id));
    expect(sub).toMatchObject({ status: 'active', collection_method: 'send_invoice', days_until_due: 30 });
    const invoice = invoiceOf(sub);
    expect(invoice).toMatchObject({ status: 'open', collection_method: 'send_invoice', amount_due: 50_000 });
    expect(invoice.due_date).toBe((invoice.status_transitions.finalized_at ?? 0) + 30 * DAY);
  });

  it('[one-time lines] creates a draft invoice (billing_reason quote_accept) that finalizes with the quoted total', async () => {
    const { stripe } = emu;
    const { setup, jct } = await catalogue(stripe);
    const { customer } = await customerWithCard(stripe, null);
    const quote = await openQuote(stripe, {
      customer: customer.id,
      line_items: [{ price: setup.id, quantity: 2, tax_rates: [jct.id] }],
      collection_method: 'send_invoice',
      invoice_settings: { days_until_due: 14 },
      description: 'Onboarding for two sites',
    });
    const accepted = await stripe.quotes.accept(quote.id);
    expect(accepted.subscription).toBeNull();
    expect(typeof accepted.invoice).toBe('string');
    const draft = await stripe.invoices.retrieve(accepted.invoice as string);
    expect(draft).toMatchObject({
      status: 'draft',
      auto_advance: true,
      billing_reason: 'quote_accept',
      collection_method: 'send_invoice',
      total: 110_000,
      description: 'Onboarding for two sites',
      parent: { type: 'quote_details', quote_details: { quote: quote.id } },
    });
    expect(draft.total).toBe(quote.amount_total);
    expect(draft.lines.data.map((l) => [l.description, l.quantity, l.amount])).toEqual([['Onboarding', 2, 100_000]]);
    const open = await stripe.invoices.finalizeInvoice(draft.id);
    expect(open).toMatchObject({ status: 'open', amount_due: 110_000 });
    expect(open.due_date).toBe((open.status_transitions.finalized_at ?? 0) + 14 * DAY);
  });

  it('refuses accepting a draft or a canceled quote; cancel works on drafts and open quotes only', async () => {
    const { stripe } = emu;
    const { plan } = await catalogue(stripe);
    const { customer } = await customerWithCard(stripe, 'pm_card_visa');
    const draft = await stripe.quotes.create({ customer: customer.id, line_items: [{ price: plan.id }] });
    expect((await stripeError(stripe.quotes.accept(draft.id))).message).toMatch(/finalize/);
    expect((await stripe.quotes.retrieve(draft.id)).status).toBe('draft');
    const canceledDraft = await stripe.quotes.cancel(draft.id);
    expect(canceledDraft.status).toBe('canceled');

    const open = await openQuote(stripe, { customer: customer.id, line_items: [{ price: plan.id }] });
    const canceled = await stripe.quotes.cancel(open.id);
    expect(canceled).toMatchObject({ status: 'canceled' });
    expect(canceled.status_transitions.canceled_at).toBeGreaterThan(0);
    const refused = await stripeError(stripe.quotes.accept(open.id));
    expect(refused.message).toMatch(/canceled/);
    expect((await stripeError(stripe.quotes.cancel(open.id))).statusCode).toBe(400);
    expect((await stripeError(stripe.quotes.update(open.id, { metadata: { a: 'b' } }))).statusCode).toBe(400);
    expect((await stripe.subscriptions.list({ customer: customer.id, status: 'all' })).data).toEqual([]);
    expect(await eventTypesFor(stripe, open.id, 'quote.')).toEqual(['quote.created', 'quote.finalized', 'quote.canceled']);
  });
});
