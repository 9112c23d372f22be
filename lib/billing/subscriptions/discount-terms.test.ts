import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { discountTermsOf, subscriptionDiscountsOf } from './discount-terms';

const coupon = (extra: Partial<Stripe.Coupon>) =>
  ({ id: 'SEIKYU_X', object: 'coupon', name: null, percent_off: null, amount_off: null, currency: null, duration: 'once', duration_in_months: null, ...extra }) as Stripe.Coupon;

describe('discountTermsOf', () => {
  it('names the coupon, else the code, else its id, and says what it takes off for how long', () => {
    expect(discountTermsOf(coupon({ name: 'Launch 20% for 3 months', percent_off: 20, duration: 'repeating', duration_in_months: 3 }), 'jpy', 'LAUNCH20')).toEqual({
      name: 'Launch 20% for 3 months',
      code: 'LAUNCH20',
      percentOff: 20,
      amountOff: null,
      currency: 'jpy',
      duration: 'repeating',
      durationInMonths: 3,
    });
    expect(discountTermsOf(coupon({ percent_off: 10 }), 'jpy', 'WELCOME10').name).toBe('WELCOME10');
    expect(discountTermsOf(coupon({ percent_off: 10, duration: 'forever' }), 'jpy', null)).toMatchObject({ name: 'SEIKYU_X', duration: 'forever' });
  });

  it('takes an amount coupon’s amount in the purchase’s currency, from its currency options in another', () => {
    const thanks = coupon({ amount_off: 500, currency: 'jpy', currency_options: { usd: { amount_off: 400 } } });
    expect(discountTermsOf(thanks, 'jpy', null).amountOff).toBe(500);
    expect(discountTermsOf(thanks, 'USD', null).amountOff).toBe(400);
    expect(discountTermsOf(coupon({ amount_off: 500, currency: 'jpy' }), 'usd', null).amountOff).toBeNull();
  });
});

describe('subscriptionDiscountsOf', () => {
  it('reads the expanded discounts of a mirrored subscription, with a repeating one’s end, and skips bare ids', () => {
    const data = {
      discounts: [
        'di_old',
        { id: 'di_1', end: 1_775_000_000, promotion_code: { code: 'LAUNCH20' }, source: { coupon: coupon({ name: 'Launch', percent_off: 20, duration: 'repeating', duration_in_months: 3 }) } },
        { id: 'di_2', end: null, promotion_code: 'promo_2', source: { coupon: coupon({ amount_off: 500, currency: 'jpy', duration: 'forever' }) } },
        { id: 'di_3', end: null, promotion_code: null, source: { coupon: 'SEIKYU_UNEXPANDED' } },
      ],
    };
    expect(subscriptionDiscountsOf(data, 'jpy')).toEqual([
      expect.objectContaining({ id: 'di_1', name: 'Launch', code: 'LAUNCH20', end: new Date(1_775_000_000 * 1000) }),
      expect.objectContaining({ id: 'di_2', name: 'SEIKYU_X', code: null, amountOff: 500, duration: 'forever', end: null }),
    ]);
    expect(subscriptionDiscountsOf(null, 'jpy')).toEqual([]);
  });
});
