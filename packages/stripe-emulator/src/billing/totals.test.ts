import { describe, expect, it } from 'vitest';
import { formatMoney, roundMinor } from './currency.js';
import { DEFAULT_DUNNING_POLICY, maxAttempts, nextRetryAt } from './dunning.js';
import { computeInvoiceTotals } from './totals.js';

describe('computeInvoiceTotals', () => {
  it('subtracts discounts and uses a credit balance before charging', () => {
    const t = computeInvoiceTotals({
      lineAmounts: [2000, -500],
      discountTotals: [{ discount: 'di_1', amount: 150 }],
      startingBalance: -1000,
      amountPaid: 0,
    });
    expect(t).toMatchObject({ subtotal: 1500, total: 1350, amount_due: 350, amount_remaining: 350, ending_balance: 0 });
  });

  it('turns a negative total into customer credit and charges nothing', () => {
    const t = computeInvoiceTotals({ lineAmounts: [-700], discountTotals: [], startingBalance: 0, amountPaid: 0 });
    expect(t).toMatchObject({ total: -700, amount_due: 0, ending_balance: -700 });
  });

  it('adds an owed balance and refuses impossible payments', () => {
    expect(computeInvoiceTotals({ lineAmounts: [100], discountTotals: [], startingBalance: 50, amountPaid: 150 }))
      .toMatchObject({ amount_due: 150, amount_remaining: 0 });
    expect(() => computeInvoiceTotals({ lineAmounts: [100], discountTotals: [], startingBalance: 0, amountPaid: 101 })).toThrow(RangeError);
  });
});

describe('currency', () => {
  it('formats zero-decimal and two-decimal currencies', () => {
    expect(formatMoney(1234, 'jpy')).toBe('¥1,234');
    expect(formatMoney(1234, 'usd')).toBe('$12.34');
  });
  it('rounds halves away from zero', () => {
    expect([roundMinor(2.5), roundMinor(-2.5), roundMinor(2.4999999999999996), roundMinor(-0.4)]).toEqual([3, -3, 3, 0]);
  });
});

describe('dunning', () => {
  it('retries on day 3, 8 and 15 and then stops', () => {
    const t0 = 1_000_000;
    const r1 = nextRetryAt(DEFAULT_DUNNING_POLICY, 1, t0);
    expect(r1).toBe(t0 + 3 * 86_400);
    const r2 = nextRetryAt(DEFAULT_DUNNING_POLICY, 2, r1 ?? 0);
    expect(r2).toBe(t0 + 8 * 86_400);
    expect(nextRetryAt(DEFAULT_DUNNING_POLICY, 3, r2 ?? 0)).toBe(t0 + 15 * 86_400);
    expect(nextRetryAt(DEFAULT_DUNNING_POLICY, 4, t0)).toBeNull();
    expect(maxAttempts(DEFAULT_DUNNING_POLICY)).toBe(4);
  });
});
