// What a discount takes off and for how long, from its Stripe coupon: the checkout preview names each promotion
// code's discount with it, the subscription page each discount still running. Pure.
import type Stripe from 'stripe';

export type DiscountTerms = {
  /** The coupon's name, else the promotion code the customer typed, else the coupon's id. */
  name: string;
  /** The promotion code, when the discount came from one. */
  code: string | null;
  percentOff: number | null;
  /** In `currency`'s minor unit; null for a percentage, or an amount coupon with no amount in `currency`. */
  amountOff: number | null;
  currency: string;
  duration: 'once' | 'repeating' | 'forever';
  /** For `repeating`: how many months from the start. */
  durationInMonths: number | null;
};

/**
 * The terms of `coupon` on a purchase in `currency`: an amount coupon takes off its own amount in its currency, or
 * its `currency_options` amount in another (read with `expand: ['currency_options']`).
 */
export function discountTermsOf(coupon: Stripe.Coupon, currency: string, code: string | null): DiscountTerms {
  const c = currency.toLowerCase();
  const amountOff =
    coupon.amount_off === null ? null : coupon.currency?.toLowerCase() === c ? coupon.amount_off : (coupon.currency_options?.[c]?.amount_off ?? null);
  return {
    name: coupon.name?.trim() || code || coupon.id,
    code,
    percentOff: coupon.percent_off,
    amountOff,
    currency: c,
    duration: coupon.duration === 'once' ? 'once' : coupon.duration === 'repeating' ? 'repeating' : 'forever',
    durationInMonths: coupon.duration === 'repeating' ? coupon.duration_in_months : null,
  };
}

/** A discount running on a subscription: its terms and when it stops (`repeating` only; null: once or forever). */
export type SubscriptionDiscount = DiscountTerms & { id: string; end: Date | null };

/**
 * The discounts of a mirrored subscription, from the Stripe object in its `data` (the sync reads it with its
 * discounts and their coupons expanded, lib/stripe-sync/subscription-discounts.ts). A discount kept as a bare id
 * (a row mirrored before the sync expanded them) cannot be described and is left out until the next sync.
 */
export function subscriptionDiscountsOf(data: unknown, currency: string): SubscriptionDiscount[] {
  const discounts = (data as Partial<Stripe.Subscription> | null)?.discounts ?? [];
  return discounts.flatMap((discount) => {
    if (typeof discount === 'string') return [];
    const coupon = discount.source?.coupon;
    if (!coupon || typeof coupon === 'string') return [];
    const promotionCode = discount.promotion_code;
    const code = promotionCode && typeof promotionCode !== 'string' ? promotionCode.code : null;
    return [{ ...discountTermsOf(coupon, currency, code), id: discount.id, end: discount.end ? new Date(discount.end * 1000) : null }];
  });
}
