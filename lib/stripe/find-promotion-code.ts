// Looks up an active promotion code by what the customer typed, with its coupon (and the coupon's product
// restriction, which Stripe only returns when expanded). Null when no active code has that text.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export type FoundPromotionCode = { promotionCode: Stripe.PromotionCode; coupon: Stripe.Coupon };

export async function findPromotionCode(code: string, stripe: Stripe = defaultStripe): Promise<FoundPromotionCode | null> {
  const list = await stripe.promotionCodes.list({ code, active: true, limit: 1 });
  const promotionCode = list.data[0];
  if (!promotionCode || promotionCode.code.toLowerCase() !== code.toLowerCase()) return null;
  const couponRef = promotionCode.promotion.coupon;
  const couponId = typeof couponRef === 'string' ? couponRef : couponRef?.id;
  if (!couponId) return null;
  const coupon = await stripe.coupons.retrieve(couponId, { expand: ['applies_to', 'currency_options'] });
  return { promotionCode, coupon };
}
