// Scenario: Stripe Quotes through the real SDK — a draft built from catalogue prices and inline price_data with
// quantities, a coupon and tax rates; its amounts (line items, computed upfront and recurring totals); update
// while a draft; finalize (QT- number, expires_at); and the refusals, each of which changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Stripe from 'stripe';
import { startTestEmulator, stripeError, type TestEmulator } from '../helpers.js';
import { DAY, createPlan, eventTypesFor } from './setup.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

export async function quoteCatalogue(stripe: Stripe) {
  const plan = await createPlan(stripe, { amount: 10_000, currency: 'jpy', name: 'Scheduling Pro' });
  const setupProduct = await stripe.products.create({ name: 'Onboarding' });
  const setup = await stripe.prices.create({ product: setupProduct.id, currency: 'jpy', unit_amount: 50_000 });
  const usdPlan = await createPlan(stripe, { amount: 900, currency: 'usd', name: 'US plan' });
  const jct = await stripe.taxRates.create({ display_name: '消費税', percentage: 10, inclusive: false, country: 'JP', jurisdiction: 'JP' });
  const customer = await stripe.customers.create({ name: '株式会社テスト', email: 'keiri@test.example' });
  return { plan, setup, setupProduct, usdPlan, jct, customer };
}

describe('quotes: draft, amounts, update, finalize', () => {
  it('computes line items and totals with quantities, a once coupon, a forever coupon and consumption tax', async () => {
    const { stripe } = emu;
    const { plan, setupProduct, jct, customer } = await quoteCatalogue(stripe);
    const once = await stripe.coupons.create({ percent_off: 20, duration: 'once', name: 'Launch' });
    const quote = await stripe.quotes.create({
      customer: customer.id,
      line_items: [
        { price: plan.id, quantity: 3 },
        { price_data: { currency: 'jpy', product: setupProduct.id, unit_amount: 40_000 }, quantity: 1 },
      ],
      discounts: [{ coupon: once.id }],
      default_tax_rates: [jct.id],
      header: '御見積書',
      footer: 'Thank you',
      description: 'Annual scheduling rollout',
      metadata: { deal: 'D-1' },
    });
    expect(quote).toMatchObject({
      object: 'quote',
      status: 'draft',
      number: null,
      currency: 'jpy',
      customer: customer.id,
      header: '御見積書',
      footer: 'Thank you',
      description: 'Annual scheduling rollout',
      metadata: { deal: 'D-1' },
      collection_method: 'charge_automatically',
    });
    // 3 × 10,000 + 40,000 = 70,000; 20 % off = 14,000; tax 10 % of 56,000 = 5,600.
    expect(quote.amount_subtotal).toBe(70_000);
    expect(quote.total_details).toEqual({ amount_discount: 14_000, amount_shipping: 0, amount_tax: 5_600 });
    expect(quote.amount_total).toBe(61_600);
    expect(quote.computed.upfront).toMatchObject({ amount_subtotal: 70_000, amount_total: 61_600 });
    // The once coupon does not recur: each month is 30,000 + 10 % tax.
    expect(quote.computed.recurring).toEqual({
      amount_subtotal: 30_000,
      amount_total: 33_000,
      interval: 'month',
      interval_count: 1,
      total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 3_000 },
    });
    expect(quote.expires_at - quote.created).toBe(30 * DAY);
    expect(quote.line_items).toBeUndefined();

    const lines = await stripe.quotes.listLineItems(quote.id, { expand: ['data.taxes', 'data.discounts'] });
    expect(lines.data.map((l) => [l.description, l.quantity, l.amount_subtotal, l.amount_discount, l.amount_tax, l.amount_total])).toEqual([
      ['Scheduling Pro', 3, 30_000, 6_000, 2_400, 26_400],
      ['Onboarding', 1, 40_000, 8_000, 3_200, 35_200],
    ]);
    expect(lines.data[0].taxes?.[0]).toMatchObject({ amount: 2_400, taxable_amount: 24_000, rate: { id: jct.id, percentage: 10 } });
    expect(lines.data[0].discounts?.[0].amount).toBe(6_000);
    expect(lines.data[1].price).toMatchObject({ type: 'one_time', unit_amount: 40_000, active: false, product: setupProduct.id });
    // Without expand, Stripe leaves the includable parts out.
    const plain = await stripe.quotes.listLineItems(quote.id);
    expect(plain.data[0].taxes).toBeUndefined();

    const expanded = await stripe.quotes.retrieve(quote.id, { expand: ['line_items', 'computed.upfront.line_items'] });
    expect(expanded.line_items?.data.map((l) => l.id)).toEqual(lines.data.map((l) => l.id));
    expect(expanded.computed.upfront.line_items?.data.map((l) => l.amount_total)).toEqual([26_400, 35_200]);
    const upfront = await stripe.quotes.listComputedUpfrontLineItems(quote.id);
    expect(upfront.data.map((l) => l.amount_subtotal)).toEqual([30_000, 40_000]);
  });

  it('with a trial, the first invoice carries only the one-time lines; a line rate overrides the default', async () => {
    const { stripe } = emu;
    const { plan, setup, jct, customer } = await quoteCatalogue(stripe);
    const reduced = await stripe.taxRates.create({ display_name: '軽減税率', percentage: 8, inclusive: false, country: 'JP' });
    const quote = await stripe.quotes.create({
      customer: customer.id,
      line_items: [{ price: plan.id }, { price: setup.id, tax_rates: [reduced.id] }],
      default_tax_rates: [jct.id],
      subscription_data: { trial_period_days: 14, description: 'Pro plan', metadata: { source: 'quote' } },
    });
    expect(quote.subscription_data).toMatchObject({ trial_period_days: 14, description: 'Pro plan', metadata: { source: 'quote' }, effective_date: null });
    expect(quote.computed.upfront).toMatchObject({ amount_subtotal: 50_000, amount_total: 54_000 });
    expect(quote.computed.recurring).toMatchObject({ amount_subtotal: 10_000, amount_total: 11_000 });
    expect(quote.amount_total).toBe(11_000 + 54_000);
  });

  it('updates a draft (lines kept by id, quantities, discounts removed), finalizes it with a QT- number, then refuses edits', async () => {
    const { stripe } = emu;
    const { plan, setup, customer } = await quoteCatalogue(stripe);
    const coupon = await stripe.coupons.create({ amount_off: 5_000, currency: 'jpy', duration: 'forever' });
    const quote = await stripe.quotes.create({ customer: customer.id, line_items: [{ price: plan.id }], discounts: [{ coupon: coupon.id }] });
    expect(quote.amount_total).toBe(5_000);
    const [line] = (await stripe.quotes.listLineItems(quote.id)).data;
    const updated = await stripe.quotes.update(quote.id, {
      line_items: [{ id: line.id, quantity: 2 }, { price: setup.id }],
      discounts: '',
      collection_method: 'send_invoice',
      invoice_settings: { days_until_due: 14 },
      expires_at: quote.created + 10 * DAY,
    });
    expect(updated).toMatchObject({ amount_subtotal: 70_000, amount_total: 70_000, discounts: [], collection_method: 'send_invoice' });
    expect(updated.invoice_settings.days_until_due).toBe(14);
    const lines = (await stripe.quotes.listLineItems(quote.id)).data;
    expect(lines[0]).toMatchObject({ id: line.id, quantity: 2, amount_subtotal: 20_000 });

    const finalized = await stripe.quotes.finalizeQuote(quote.id);
    expect(finalized.status).toBe('open');
    expect(finalized.number).toMatch(/^QT-[A-Z0-9]{8}-0001-1$/);
    expect(finalized.expires_at).toBe(quote.created + 10 * DAY);
    expect(finalized.status_transitions.finalized_at).toBeGreaterThan(0);
    const second = await stripe.quotes.finalizeQuote(
      (await stripe.quotes.create({ customer: customer.id, line_items: [{ price: plan.id }] })).id,
      { expires_at: quote.created + 5 * DAY },
    );
    expect(second.number).toBe(finalized.number?.replace('-0001-1', '-0002-1'));
    expect(second.expires_at).toBe(quote.created + 5 * DAY);

    // Open: only expires_at and metadata can change; the refused update changes nothing.
    const refused = await stripeError(stripe.quotes.update(quote.id, { line_items: [{ price: setup.id }] }));
    expect(refused.statusCode).toBe(400);
    expect(refused.param).toBe('line_items');
    expect((await stripe.quotes.listLineItems(quote.id)).data.map((l) => l.id)).toEqual(lines.map((l) => l.id));
    const extended = await stripe.quotes.update(quote.id, { expires_at: quote.created + 20 * DAY, metadata: { rev: '2' } });
    expect(extended).toMatchObject({ status: 'open', expires_at: quote.created + 20 * DAY, metadata: { rev: '2' } });
    expect((await stripeError(stripe.quotes.finalizeQuote(quote.id))).message).toMatch(/status of open/);
    expect(await eventTypesFor(stripe, quote.id, 'quote.')).toEqual(['quote.created', 'quote.finalized']);

    const listed = await stripe.quotes.list({ customer: customer.id, status: 'open' });
    expect(listed.data.map((q) => q.id).sort()).toEqual([quote.id, second.id].sort());
    expect((await stripe.quotes.list({ customer: customer.id, status: 'draft' })).data).toEqual([]);
  });

  it('refuses another currency\'s price, quantity 0, a finalize without customer or lines, and changes nothing', async () => {
    const { stripe } = emu;
    const { plan, usdPlan, customer } = await quoteCatalogue(stripe);
    const before = (await stripe.quotes.list({ limit: 100 })).data.length;
    const mixed = await stripeError(stripe.quotes.create({ customer: customer.id, line_items: [{ price: plan.id }, { price: usdPlan.id }] }));
    expect(mixed).toMatchObject({ statusCode: 400, param: 'line_items[1][price]' });
    expect(mixed.message).toContain('does not support currency jpy');
    const zero = await stripeError(stripe.quotes.create({ customer: customer.id, line_items: [{ price: plan.id, quantity: 0 }] }));
    expect(zero).toMatchObject({ statusCode: 400, param: 'line_items[0][quantity]' });
    expect((await stripe.quotes.list({ limit: 100 })).data.length).toBe(before);

    const draft = await stripe.quotes.create({ line_items: [{ price: plan.id }] });
    expect((await stripeError(stripe.quotes.finalizeQuote(draft.id))).param).toBe('customer');
    const empty = await stripe.quotes.create({ customer: customer.id });
    expect((await stripeError(stripe.quotes.finalizeQuote(empty.id))).param).toBe('line_items');
    // A refused update of a draft leaves its lines as they were.
    const bad = await stripeError(stripe.quotes.update(draft.id, { line_items: [{ price: usdPlan.id }, { price: plan.id, quantity: 0 }] }));
    expect(bad.statusCode).toBe(400);
    expect((await stripe.quotes.retrieve(draft.id)).amount_total).toBe(10_000);
    expect((await stripe.quotes.retrieve(empty.id)).status).toBe('draft');
  });
});
