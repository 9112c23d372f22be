import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { splitSale, type SplitBasis } from './split';

const yen: SplitBasis = { of: 'sale', currency: 'jpy' };

describe('splitSale', () => {
  it('pays fixed shares and leaves the rest to the platform', () => {
    const result = splitSale(
      [
        { role: 'reading_doctor', kind: 'fixed', value: 1000 },
        { role: 'second_reader', kind: 'fixed', value: 1000 },
      ],
      3000,
      yen,
    );
    expect(result.shares).toEqual([
      { role: 'reading_doctor', amount: 1000 },
      { role: 'second_reader', amount: 1000 },
    ]);
    expect(result.platformAmount).toBe(1000);
  });

  it('rounds percentage shares down so a fraction of a yen stays with the platform', () => {
    const result = splitSale([{ role: 'reading_doctor', kind: 'percent', value: 3333 }], 1000, yen);
    expect(result.shares[0]!.amount).toBe(333);
    expect(result.platformAmount).toBe(667);
  });

  it('refuses a rule that pays out more than the sale', () => {
    const over = () =>
      splitSale(
        [
          { role: 'reading_doctor', kind: 'fixed', value: 2000 },
          { role: 'partner_clinic', kind: 'percent', value: 5000 },
        ],
        3000,
        yen,
      );
    expect(over).toThrow(AppError);
    expect(over).toThrow(/pays out 3500 of 3000/);
    // The refusal names both amounts as money in the sale's currency (formatted in the reader's language).
    expect(over).toThrow(expect.objectContaining({ userMessageKey: { key: 'connect.errors.split_exceeds_sale', amounts: { paidOut: { amount: 3500, currency: 'jpy' }, saleAmount: { amount: 3000, currency: 'jpy' } } } }));
  });

  it('refuses a rule saved against a price in words about the price', () => {
    const over = () => splitSale([{ role: 'reading_doctor', kind: 'fixed', value: 3500 }], 3000, { of: 'price', currency: 'jpy' });
    expect(over).toThrow(expect.objectContaining({ userMessageKey: { key: 'connect.errors.split_exceeds_price', amounts: { paidOut: { amount: 3500, currency: 'jpy' }, price: { amount: 3000, currency: 'jpy' } } } }));
  });

  it('refuses percentages over 100 % even when the amounts would round under the sale', () => {
    expect(() => splitSale([{ role: 'reading_doctor', kind: 'percent', value: 10_001 }], 1, yen)).toThrow(/split pays out/);
  });

  it('refuses a role named twice', () => {
    expect(() =>
      splitSale(
        [
          { role: 'reading_doctor', kind: 'fixed', value: 1 },
          { role: 'reading_doctor', kind: 'fixed', value: 1 },
        ],
        3000,
        yen,
      ),
    ).toThrow(/twice/);
  });
});
