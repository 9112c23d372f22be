import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { mapQuote } from './map-quote';

const rate10 = { id: 'txr_10', display_name: '消費税', percentage: 10, inclusive: false } as Stripe.TaxRate;
const rate8 = { id: 'txr_8', display_name: '消費税（軽減）', percentage: 8, inclusive: false } as Stripe.TaxRate;

function lineItem(id: string, amount: number, rate: Stripe.TaxRate, interval: 'month' | null): Stripe.LineItem {
  return {
    id,
    object: 'item',
    amount_subtotal: amount,
    amount_total: amount + Math.round((amount * rate.percentage) / 100),
    amount_tax: Math.round((amount * rate.percentage) / 100),
    amount_discount: 0,
    currency: 'jpy',
    description: `Line ${id}`,
    quantity: 2,
    price: { id: `price_${id}`, unit_amount: amount / 2, recurring: interval ? { interval } : null } as Stripe.Price,
    taxes: [{ amount: Math.round((amount * rate.percentage) / 100), rate, taxability_reason: null, taxable_amount: amount }],
  } as Stripe.LineItem;
}

const quote = {
  id: 'qt_1',
  object: 'quote',
  customer: 'cus_1',
  status: 'open',
  number: 'QT-0001',
  currency: 'jpy',
  collection_method: 'send_invoice',
  invoice_settings: { days_until_due: 14 },
  amount_subtotal: 13000,
  amount_total: 14280,
  total_details: { amount_tax: 1280, amount_discount: 0, amount_shipping: 0 },
  header: 'Header',
  footer: 'Footer',
  description: null,
  subscription_data: { trial_period_days: null },
  expires_at: 1_800_000_000,
  status_transitions: { finalized_at: 1_790_000_000, accepted_at: null, canceled_at: null },
  subscription: null,
  invoice: null,
  metadata: { seikyu_quote: '1' },
  created: 1_789_000_000,
} as unknown as Stripe.Quote;

describe('mapQuote', () => {
  it('keeps the amounts Stripe computed and sums the tax per rate across lines', () => {
    const row = mapQuote(quote, 'org_1', [lineItem('a', 10000, rate10, 'month'), lineItem('b', 1000, rate8, null), lineItem('c', 2000, rate10, null)]);
    expect(row).toMatchObject({ id: 'qt_1', customerId: 'cus_1', organizationId: 'org_1', status: 'open', number: 'QT-0001', amountTotal: 14280, amountTax: 1280, daysUntilDue: 14 });
    expect(row.taxes).toEqual([
      { rateId: 'txr_10', displayName: '消費税', percentage: 10, inclusive: false, amount: 1200, taxableAmount: 12000 },
      { rateId: 'txr_8', displayName: '消費税（軽減）', percentage: 8, inclusive: false, amount: 80, taxableAmount: 1000 },
    ]);
    expect(row.lines?.[0]).toMatchObject({ priceId: 'price_a', quantity: 2, unitAmount: 5000, recurringInterval: 'month' });
    expect(row.expiresAt).toEqual(new Date(1_800_000_000_000));
    expect(row.finalizedAt).toEqual(new Date(1_790_000_000_000));
  });
});
