import { describe, expect, it } from 'vitest';
import { allocateProportionally, applyDiscounts, couponAmountOff, discountEnd, type CouponTerms } from './discounts.js';

const coupon = (c: Partial<CouponTerms> & { id: string }): CouponTerms => ({
  percent_off: null,
  amount_off: null,
  currency: null,
  duration: 'forever',
  duration_in_months: null,
  ...c,
});

describe('applyDiscounts', () => {
  const lines = [
    { amount: 3000, discountable: true, product: 'prod_a' },
    { amount: 1000, discountable: true, product: 'prod_b' },
    { amount: 500, discountable: false, product: 'prod_c' },
  ];

  it('applies several coupons in order, each to what is left', () => {
    const r = applyDiscounts(
      lines,
      [
        { id: 'di_1', coupon: coupon({ id: 'ten', percent_off: 10 }) },
        { id: 'di_2', coupon: coupon({ id: 'ten2', percent_off: 10 }) },
      ],
      'usd',
    );
    // 4000 discountable: 10 % = 400, then 10 % of 3600 = 360 → 19 % overall.
    expect(r.totals).toEqual([
      { discount: 'di_1', amount: 400 },
      { discount: 'di_2', amount: 360 },
    ]);
    expect(r.lines[2]).toEqual([]);
  });

  it('spreads an amount coupon over eligible lines and caps it at what is left', () => {
    const r = applyDiscounts(lines, [{ id: 'di_1', coupon: coupon({ id: 'off', amount_off: 10_000, currency: 'usd' }) }], 'usd');
    expect(r.totals[0].amount).toBe(4000);
    const small = applyDiscounts(lines, [{ id: 'di_1', coupon: coupon({ id: 'off', amount_off: 401, currency: 'usd' }) }], 'usd');
    expect(small.lines[0][0].amount + small.lines[1][0].amount).toBe(401);
    expect(small.lines[0][0].amount).toBe(301);
  });

  it('uses currency_options for another currency and refuses a currency it lacks', () => {
    const c = coupon({ id: 'off', amount_off: 500, currency: 'usd', currency_options: { jpy: { amount_off: 700 } } });
    expect(couponAmountOff(c, 'JPY')).toBe(700);
    expect(() => couponAmountOff(c, 'eur')).toThrow(/no amount for currency eur/);
  });

  it('restricts to applies_to.products', () => {
    const r = applyDiscounts(lines, [{ id: 'di_1', coupon: coupon({ id: 'p', percent_off: 50, applies_to: { products: ['prod_b'] } }) }], 'usd');
    expect(r.totals[0].amount).toBe(500);
    expect(r.lines[0]).toEqual([]);
  });

  it('shrinks a proration credit by the same percentage', () => {
    const r = applyDiscounts(
      [
        { amount: -500, discountable: true, product: 'a' },
        { amount: 1000, discountable: true, product: 'b' },
      ],
      [{ id: 'di_1', coupon: coupon({ id: 'p', percent_off: 20 }) }],
      'usd',
    );
    expect(r.lines.map((l) => l[0].amount)).toEqual([-100, 200]);
    expect(r.totals[0].amount).toBe(100);
  });
});

describe('allocateProportionally / discountEnd', () => {
  it('always sums exactly', () => {
    expect(allocateProportionally(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateProportionally(0, [5, 5])).toEqual([0, 0]);
  });
  it('ends repeating coupons after whole months and never ends forever/once by date', () => {
    const start = Date.parse('2026-01-31T00:00:00Z') / 1000;
    expect(discountEnd(coupon({ id: 'r', percent_off: 5, duration: 'repeating', duration_in_months: 3 }), start)).toBe(
      Date.parse('2026-04-30T00:00:00Z') / 1000,
    );
    expect(discountEnd(coupon({ id: 'f', percent_off: 5 }), start)).toBeNull();
  });
});
