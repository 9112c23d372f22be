// Why a promotion code cannot be used on this purchase, or null when it can. Pure: Stripe re-checks on the
// subscription call, this gives the customer the reason in their words before anything is created.
import type Stripe from 'stripe';
import type { BillingInputReason } from './billing-input-error';

export type PromotionPurchase = {
  productId: string;
  currency: string;
  /**
   * What the first invoice the code applies to would be before discounts, in the currency's minor unit: 0 at
   * checkout for usage billed in arrears and during a trial.
   */
  amount: number;
  /** The customer has paid an invoice before (first-time-only codes refuse them). */
  hasPaidBefore: boolean;
  customerId: string;
  now: Date;
};

export function promotionCodeProblem(
  found: { promotionCode: Stripe.PromotionCode; coupon: Stripe.Coupon },
  purchase: PromotionPurchase,
): BillingInputReason | null {
  const { promotionCode, coupon } = found;
  const nowSeconds = Math.floor(purchase.now.getTime() / 1000);
  if (!promotionCode.active || !coupon.valid) return 'promotion_code_expired';
  if (promotionCode.expires_at !== null && promotionCode.expires_at <= nowSeconds) return 'promotion_code_expired';
  if (coupon.redeem_by !== null && coupon.redeem_by <= nowSeconds) return 'promotion_code_expired';
  if (promotionCode.max_redemptions !== null && promotionCode.times_redeemed >= promotionCode.max_redemptions) return 'promotion_code_expired';
  const codeCustomer = typeof promotionCode.customer === 'string' ? promotionCode.customer : (promotionCode.customer?.id ?? null);
  if (codeCustomer !== null && codeCustomer !== purchase.customerId) return 'promotion_code_unknown';
  const products = coupon.applies_to?.products;
  if (products && products.length > 0 && !products.includes(purchase.productId)) return 'promotion_code_other_product';
  if (coupon.amount_off !== null) {
    const inCurrency = coupon.currency === purchase.currency || Boolean(coupon.currency_options?.[purchase.currency]);
    if (!inCurrency) return 'promotion_code_currency';
  }
  const restrictions = promotionCode.restrictions;
  if (restrictions.first_time_transaction && purchase.hasPaidBefore) return 'promotion_code_first_time';
  const minimum =
    restrictions.minimum_amount_currency === purchase.currency
      ? restrictions.minimum_amount
      : (restrictions.currency_options?.[purchase.currency]?.minimum_amount ?? null);
  if (minimum !== null && purchase.amount < minimum) return 'promotion_code_minimum';
  // A `once` coupon takes off one invoice. On a first invoice of nothing it takes nothing off; whether Stripe then
  // keeps it for the next invoice (its changelog of 2013-10-29 says zero-cost invoices are ignored) or counts it
  // spent is not something this page can promise either way, so checkout refuses it and says where to use it.
  if (coupon.duration === 'once' && purchase.amount === 0) return 'promotion_code_once_on_zero';
  return null;
}
