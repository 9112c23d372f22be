import { describe, expect, it } from 'vitest';
import { computeLineTaxes, inclusiveTaxIn, sumTaxesByRate } from './tax.js';

const ten = { id: 'txr_10', percentage: 10, inclusive: false };
const eightIncl = { id: 'txr_8i', percentage: 8, inclusive: true };

describe('computeLineTaxes', () => {
  it('adds exclusive tax on the taxable amount, rounded to the minor unit', () => {
    expect(computeLineTaxes(1234, [ten]).map((t) => [t.amount, t.taxable_amount, t.tax_behavior])).toEqual([[123, 1234, 'exclusive']]);
    expect(computeLineTaxes(1235, [ten])[0].amount).toBe(124); // 123.5 → 124, halves away from zero
    expect(computeLineTaxes(-1235, [ten])[0].amount).toBe(-124); // a credit mirrors its debit
  });

  it('takes inclusive tax out of the amount: net + tax = amount', () => {
    const [t] = computeLineTaxes(1080, [eightIncl]);
    expect([t.amount, t.taxable_amount, t.tax_behavior]).toEqual([80, 1000, 'inclusive']);
    expect(inclusiveTaxIn(1080, [eightIncl, ten])).toBe(80);
  });
});

describe('sumTaxesByRate', () => {
  it('sums amounts and taxable amounts per rate', () => {
    const lines = [{ taxes: computeLineTaxes(1000, [ten]) }, { taxes: computeLineTaxes(500, [ten]) }];
    expect(sumTaxesByRate(lines).map((t) => [t.tax_rate_details?.tax_rate, t.amount, t.taxable_amount])).toEqual([['txr_10', 150, 1500]]);
  });
});

describe('inclusive rounding', () => {
  it('net and tax always add up to the amount paid (¥1,500 at 10 % → ¥1,364 + ¥136)', () => {
    for (const amount of [1500, 1, 99, 1234, 9800, 12_000]) {
      const [t] = computeLineTaxes(amount, [{ id: 'r', percentage: 10, inclusive: true }]);
      expect((t.taxable_amount ?? 0) + t.amount).toBe(amount);
    }
    expect(computeLineTaxes(1500, [{ id: 'r', percentage: 10, inclusive: true }])[0].amount).toBe(136);
  });
});
