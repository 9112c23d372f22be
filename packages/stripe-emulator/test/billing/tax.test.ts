// Scenario: consumption tax from tax rates (Stripe's "Tax rates" guide): per-line `taxes`, invoice `total_taxes`,
// `total_excluding_tax` / `subtotal_excluding_tax`, inclusive and exclusive rates, rounding to the currency's minor
// unit (whole yen for JPY, cents for USD), and the same numbers in a plan-change preview.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Stripe from 'stripe';
import { startTestEmulator, stripeError, type TestEmulator } from '../helpers.js';
import { createPlan, customerWithCard, eventTypesFor, invoiceOf } from './setup.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

function rate(stripe: Stripe, percentage: number, inclusive: boolean, name = '消費税'): Promise<Stripe.TaxRate> {
  return stripe.taxRates.create({ display_name: name, percentage, inclusive, country: 'JP', jurisdiction: 'JP' });
}

function taxSummary(inv: Stripe.Invoice) {
  return {
    subtotal: inv.subtotal,
    subtotal_excluding_tax: inv.subtotal_excluding_tax,
    total: inv.total,
    total_excluding_tax: inv.total_excluding_tax,
    amount_due: inv.amount_due,
    total_taxes: inv.total_taxes?.map((t) => ({
      amount: t.amount,
      rate: t.tax_rate_details?.tax_rate,
      behavior: t.tax_behavior,
      taxable: t.taxable_amount,
    })),
  };
}

describe('tax_rates resource', () => {
  it('creates, retrieves, updates and lists rates; percentage and inclusive are fixed; events are sent', async () => {
    const { stripe } = emu;
    const created = await stripe.taxRates.create({
      display_name: '消費税',
      description: '標準税率',
      percentage: 10,
      inclusive: false,
      country: 'jp',
      jurisdiction: 'JP',
      tax_type: 'jct',
    });
    expect(created).toMatchObject({ object: 'tax_rate', percentage: 10, inclusive: false, country: 'JP', active: true, tax_type: 'jct' });
    expect((await stripe.taxRates.retrieve(created.id)).display_name).toBe('消費税');
    const archived = await stripe.taxRates.update(created.id, { active: false, display_name: 'JCT' });
    expect(archived).toMatchObject({ active: false, display_name: 'JCT', percentage: 10 });
    const listed = await stripe.taxRates.list({ active: false });
    expect(listed.data.map((r) => r.id)).toContain(created.id);
    expect((await stripe.taxRates.list({ active: true })).data.map((r) => r.id)).not.toContain(created.id);
    expect(await eventTypesFor(stripe, created.id, 'tax_rate.')).toEqual(['tax_rate.created', 'tax_rate.updated']);
    const err = await stripeError(stripe.taxRates.update(created.id, { percentage: 8 } as Stripe.TaxRateUpdateParams));
    expect(err.param).toBe('percentage');
    // An archived rate cannot be applied to something new.
    const price = await createPlan(stripe, { amount: 1000, currency: 'jpy' });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa');
    const refused = await stripeError(stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], default_tax_rates: [created.id] }));
    expect(refused.param).toBe('default_tax_rates[0]');
  });
});

describe('[customer] pays consumption tax on a subscription', () => {
  it('exclusive 10 % on JPY: ¥9,800 + ¥980 charged; tax per line and per rate', async () => {
    const { stripe } = emu;
    const standard = await rate(stripe, 10, false);
    const price = await createPlan(stripe, { amount: 9800, currency: 'jpy' });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa');
    const sub = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      default_tax_rates: [standard.id],
      expand: ['latest_invoice'],
    });
    expect(sub.default_tax_rates?.map((r) => r.id)).toEqual([standard.id]);
    const inv = invoiceOf(sub);
    expect(inv.status).toBe('paid');
    expect(taxSummary(inv)).toEqual({
      subtotal: 9800,
      subtotal_excluding_tax: 9800,
      total: 10780,
      total_excluding_tax: 9800,
      amount_due: 10780,
      total_taxes: [{ amount: 980, rate: standard.id, behavior: 'exclusive', taxable: 9800 }],
    });
    expect(inv.default_tax_rates.map((r) => r.id)).toEqual([standard.id]);
    expect(inv.lines.data[0].taxes).toEqual([
      { amount: 980, tax_behavior: 'exclusive', tax_rate_details: { tax_rate: standard.id }, taxability_reason: 'not_available', taxable_amount: 9800, type: 'tax_rate_details' },
    ]);
    expect(inv.amount_paid).toBe(10780);
  });

  it('inclusive 8 %: the price already holds the tax (¥1,080 = ¥1,000 + ¥80); the total does not grow', async () => {
    const { stripe } = emu;
    const reduced = await rate(stripe, 8, true, '消費税（軽減）');
    const price = await createPlan(stripe, { amount: 1080, currency: 'jpy' });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa');
    const sub = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id, tax_rates: [reduced.id] }],
      expand: ['latest_invoice'],
    });
    expect(sub.items.data[0].tax_rates?.map((r) => r.id)).toEqual([reduced.id]);
    expect(taxSummary(invoiceOf(sub))).toEqual({
      subtotal: 1080,
      subtotal_excluding_tax: 1000,
      total: 1080,
      total_excluding_tax: 1000,
      amount_due: 1080,
      total_taxes: [{ amount: 80, rate: reduced.id, behavior: 'inclusive', taxable: 1000 }],
    });
  });

  it('two rates on one invoice (10 % and 8 % lines, rounded per line in yen), each summed on its own', async () => {
    const { stripe } = emu;
    const standard = await rate(stripe, 10, false);
    const reduced = await rate(stripe, 8, false);
    const { customer } = await customerWithCard(stripe, 'pm_card_visa');
    const invoice = await stripe.invoices.create({ customer: customer.id, currency: 'jpy', default_tax_rates: [standard.id] });
    await stripe.invoiceItems.create({ customer: customer.id, invoice: invoice.id, amount: 1234, currency: 'jpy', description: 'Support' });
    await stripe.invoiceItems.create({ customer: customer.id, invoice: invoice.id, amount: 555, currency: 'jpy', description: 'Coffee', tax_rates: [reduced.id] });
    const draft = await stripe.invoices.retrieve(invoice.id);
    // 1234 × 10 % = 123.4 → 123; 555 × 8 % = 44.4 → 44.
    expect(taxSummary(draft)).toEqual({
      subtotal: 1789,
      subtotal_excluding_tax: 1789,
      total: 1789 + 123 + 44,
      total_excluding_tax: 1789,
      amount_due: 1956,
      total_taxes: [
        { amount: 123, rate: standard.id, behavior: 'exclusive', taxable: 1234 },
        { amount: 44, rate: reduced.id, behavior: 'exclusive', taxable: 555 },
      ],
    });
    // Changing the invoice's default rate moves only the line that had no rate of its own.
    const changed = await stripe.invoices.update(invoice.id, { default_tax_rates: [reduced.id] });
    expect(changed.total_taxes?.map((t) => [t.tax_rate_details?.tax_rate, t.amount])).toEqual([[reduced.id, 99 + 44]]);
    const finalized = await stripe.invoices.finalizeInvoice(invoice.id);
    expect(finalized.amount_due).toBe(1789 + 143);
  });

  it('USD cents rounding: 7.25 % on $19.99 is $1.45 (144.9275 cents, rounded half away from zero)', async () => {
    const { stripe } = emu;
    const sales = await stripe.taxRates.create({ display_name: 'Sales tax', percentage: 7.25, inclusive: false, country: 'US', state: 'CA' });
    const price = await createPlan(stripe, { amount: 1999, currency: 'usd' });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa');
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id, quantity: 1 }], default_tax_rates: [sales.id], expand: ['latest_invoice'] });
    expect(taxSummary(invoiceOf(sub))).toMatchObject({ total: 1999 + 145, total_excluding_tax: 1999, total_taxes: [{ amount: 145, taxable: 1999 }] });
  });

  it('a plan-change preview shows the tax the change and the next renewal will carry', async () => {
    const { stripe } = emu;
    const standard = await rate(stripe, 10, false);
    const basic = await createPlan(stripe, { amount: 1000, currency: 'jpy', name: 'Basic' });
    const pro = await createPlan(stripe, { amount: 3000, currency: 'jpy', name: 'Pro' });
    const { customer } = await customerWithCard(stripe, 'pm_card_visa');
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: basic.id }], default_tax_rates: [standard.id] });
    const item = sub.items.data[0];
    const preview = await stripe.invoices.createPreview({
      customer: customer.id,
      subscription: sub.id,
      subscription_details: { items: [{ id: item.id, price: pro.id }], proration_behavior: 'always_invoice' },
    });
    const taxed = preview.lines.data.map((l) => ({ amount: l.amount, tax: l.taxes?.[0]?.amount }));
    for (const l of taxed) expect(l.tax).toBe(Math.sign(l.amount) * Math.round(Math.abs(l.amount) * 0.1));
    const lineTax = taxed.reduce((a, l) => a + (l.tax ?? 0), 0);
    expect(preview.total_taxes?.[0]?.amount).toBe(lineTax);
    expect(preview.total).toBe(preview.subtotal + lineTax);
    // The real change bills exactly what was previewed.
    const updated = await stripe.subscriptions.update(sub.id, {
      items: [{ id: item.id, price: pro.id }],
      proration_behavior: 'always_invoice',
      proration_date: preview.parent?.subscription_details?.subscription_proration_date ?? undefined,
      expand: ['latest_invoice'],
    });
    expect(invoiceOf(updated).total).toBe(preview.total);
    // The renewal preview (upcoming invoice) carries the tax too.
    const upcoming = await stripe.invoices.createPreview({ customer: customer.id, subscription: sub.id });
    expect(upcoming.total).toBe(3300);
    expect(upcoming.total_excluding_tax).toBe(3000);
  });
});
