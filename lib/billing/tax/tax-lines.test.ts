import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { taxRateFor } from '@/lib/demo/catalog';
import { taxRowLabel } from '@/components/billing/tax/tax-rows';
import { estimateTax, taxLinesOf, totalWithTax } from './tax-lines';

describe('estimateTax (checkout, before Stripe is asked)', () => {
  it('JPY 税込: ¥1,500 holds ¥136 and the customer pays ¥1,500', () => {
    const rate = taxRateFor('standard', 'jpy');
    expect(rate).toMatchObject({ percentage: 10, behavior: 'inclusive', displayName: '消費税' });
    const tax = estimateTax(1500, rate);
    expect(tax).toMatchObject({ amount: 136, taxableAmount: 1364, inclusive: true, percentage: 10 });
    expect(totalWithTax(1500, [tax])).toBe(1500);
  });

  it('USD plus tax: $12.00 + $1.20; the reduced rate is 8 %', () => {
    const tax = estimateTax(1200, taxRateFor('standard', 'usd'));
    expect(tax).toMatchObject({ amount: 120, taxableAmount: 1200, inclusive: false });
    expect(totalWithTax(1200, [tax])).toBe(1320);
    expect(estimateTax(1999, taxRateFor('reduced', 'usd')).amount).toBe(160); // 159.92 → 160
  });
});

describe('taxLinesOf (previews and mirrored invoices)', () => {
  it('names each rate from default_tax_rates, and never hides an amount whose rate is unknown', () => {
    const rate = { id: 'txr_1', display_name: '消費税', percentage: 8, inclusive: false } as Stripe.TaxRate;
    const invoice = {
      default_tax_rates: [rate],
      total_taxes: [
        { amount: 80, tax_behavior: 'exclusive', taxable_amount: 1000, tax_rate_details: { tax_rate: 'txr_1' }, taxability_reason: 'not_available', type: 'tax_rate_details' },
        { amount: 5, tax_behavior: 'inclusive', taxable_amount: 50, tax_rate_details: { tax_rate: 'txr_other' }, taxability_reason: 'not_available', type: 'tax_rate_details' },
      ],
    } satisfies Pick<Stripe.Invoice, 'default_tax_rates' | 'total_taxes'>;
    expect(taxLinesOf(invoice)).toEqual([
      { rateId: 'txr_1', displayName: '消費税', percentage: 8, inclusive: false, amount: 80, taxableAmount: 1000 },
      // Not read: its rate derived from the amounts as the documents derive it, never stated as 0 %.
      { rateId: 'txr_other', displayName: 'txr_other', percentage: 10, inclusive: true, amount: 5, taxableAmount: 50 },
    ]);
  });

  it('leaves the rate unstated when nothing tells it, and the label then names no percentage', () => {
    const invoice = {
      default_tax_rates: [],
      total_taxes: [{ amount: 0, tax_behavior: 'inclusive', taxable_amount: 0, tax_rate_details: { tax_rate: 'txr_x' }, taxability_reason: 'not_available', type: 'tax_rate_details' }],
    } satisfies Pick<Stripe.Invoice, 'default_tax_rates' | 'total_taxes'>;
    const [line] = taxLinesOf(invoice);
    expect(line!.percentage).toBeNull();
    expect(taxRowLabel(line!, { added: '消費税（{percentage}%）', included: '内消費税（{percentage}%）' })).toBe('内消費税');
    expect(taxRowLabel({ ...line!, inclusive: false }, { added: 'Consumption tax {percentage}%', included: 'Incl. consumption tax {percentage}%' })).toBe('Consumption tax');
    expect(taxRowLabel({ inclusive: true, percentage: 10 }, { added: '', included: '内消費税（{percentage}%）' })).toBe('内消費税（10%）');
  });
});
