import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { splitSale } from './split';

describe('splitSale', () => {
  it('pays fixed shares and leaves the rest to the platform', () => {
    const result = splitSale(
      [
        { role: 'reading_doctor', kind: 'fixed', value: 1000 },
        { role: 'second_reader', kind: 'fixed', value: 1000 },
      ],
      3000,
    );
    expect(result.shares).toEqual([
      { role: 'reading_doctor', amount: 1000 },
      { role: 'second_reader', amount: 1000 },
    ]);
    expect(result.platformAmount).toBe(1000);
  });

  it('rounds percentage shares down so a fraction of a yen stays with the platform', () => {
    const result = splitSale([{ role: 'reading_doctor', kind: 'percent', value: 3333 }], 1000);
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
      );
    expect(over).toThrow(AppError);
    expect(over).toThrow(/pays out 3500 of 3000/);
  });

  it('refuses percentages over 100 % even when the amounts would round under the sale', () => {
    expect(() => splitSale([{ role: 'reading_doctor', kind: 'percent', value: 10_001 }], 1)).toThrow(/split pays out/);
  });

  it('refuses a role named twice', () => {
    expect(() =>
      splitSale(
        [
          { role: 'reading_doctor', kind: 'fixed', value: 1 },
          { role: 'reading_doctor', kind: 'fixed', value: 1 },
        ],
        3000,
      ),
    ).toThrow(/twice/);
  });
});
