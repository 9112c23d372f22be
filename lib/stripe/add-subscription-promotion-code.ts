// Adds a promotion code to a live subscription, keeping the discounts it already has (Stripe replaces the
// whole `discounts` list on update).
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function addSubscriptionPromotionCode(
  params: { subscriptionId: string; promotionCodeId: string; idempotencyKey: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Subscription> {
  const subscription = await stripe.subscriptions.retrieve(params.subscriptionId);
  const existing = (subscription.discounts ?? []).map((d) => ({ discount: typeof d === 'string' ? d : d.id }));
  return stripe.subscriptions.update(
    params.subscriptionId,
    { discounts: [...existing, { promotion_code: params.promotionCodeId }] },
    { idempotencyKey: params.idempotencyKey },
  );
}
