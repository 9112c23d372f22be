// Reads a coupon by id with its amounts in other currencies (Stripe returns `currency_options` only when expanded).
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function retrieveCoupon(couponId: string, stripe: Stripe = defaultStripe): Promise<Stripe.Coupon> {
  return stripe.coupons.retrieve(couponId, { expand: ['currency_options'] });
}
