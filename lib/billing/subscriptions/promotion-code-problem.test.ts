import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { promotionCodeProblem, type PromotionPurchase } from './promotion-code-problem';

const now = new Date('2026-12-06T08:00:00Z');
const purchase: PromotionPurchase = { productId: 'prod_starter', currency: 'jpy', amount: 1500, hasPaidBefore: false, customerId: 'cus_1', now };

function found(coupon: Partial<Stripe.Coupon> = {}, code: Partial<Stripe.PromotionCode> = {}) {
  return {
    coupon: {
      id: 'SEIKYU_WELCOME10',
      valid: true,
      redeem_by: null,
      percent_off: 10,
      amount_off: null,
      currency: null,
      duration: 'once',
      duration_in_months: null,
      applies_to: undefined,
      ...coupon,
    } as Stripe.Coupon,
    promotionCode: {
      id: 'promo_1',
      code: 'WELCOME10',
      active: true,
      expires_at: null,
      max_redemptions: null,
      times_redeemed: 0,
      customer: null,
      restrictions: { first_time_transaction: false, minimum_amount: null, minimum_amount_currency: null },
      ...code,
    } as Stripe.PromotionCode,
  };
}

describe('promotionCodeProblem', () => {
  it('accepts a code that applies to the purchase', () => {
    expect(promotionCodeProblem(found(), purchase)).toBeNull();
    expect(promotionCodeProblem(found({ amount_off: 400, percent_off: null, currency: 'usd', currency_options: { jpy: { amount_off: 500 } } }), purchase)).toBeNull();
  });

  it('refuses an expired, used-up, other product, other currency, too small or not-first purchase', () => {
    expect(promotionCodeProblem(found({}, { expires_at: now.getTime() / 1000 - 1 }), purchase)).toBe('promotion_code_expired');
    expect(promotionCodeProblem(found({}, { max_redemptions: 1, times_redeemed: 1 }), purchase)).toBe('promotion_code_expired');
    expect(promotionCodeProblem(found({ applies_to: { products: ['prod_team'] } }), purchase)).toBe('promotion_code_other_product');
    expect(promotionCodeProblem(found({ amount_off: 4, percent_off: null, currency: 'usd' }), purchase)).toBe('promotion_code_currency');
    const minimum = { first_time_transaction: false, minimum_amount: 2000, minimum_amount_currency: 'jpy' };
    expect(promotionCodeProblem(found({}, { restrictions: minimum }), purchase)).toBe('promotion_code_minimum');
    const firstTime = { first_time_transaction: true, minimum_amount: null, minimum_amount_currency: null };
    expect(promotionCodeProblem(found({}, { restrictions: firstTime }), { ...purchase, hasPaidBefore: true })).toBe('promotion_code_first_time');
  });

  it('refuses a one-time code on a first invoice of nothing, and keeps a repeating or forever one', () => {
    const ofNothing = { ...purchase, amount: 0 };
    expect(promotionCodeProblem(found(), ofNothing)).toBe('promotion_code_once_on_zero');
    expect(promotionCodeProblem(found({ amount_off: 500, percent_off: null, currency: 'jpy' }), ofNothing)).toBe('promotion_code_once_on_zero');
    expect(promotionCodeProblem(found({ duration: 'repeating', duration_in_months: 3 }), ofNothing)).toBeNull();
    expect(promotionCodeProblem(found({ duration: 'forever' }), ofNothing)).toBeNull();
  });
});
