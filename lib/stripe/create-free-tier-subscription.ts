// Puts a customer (back) on the free tier, without a card. The caller derives the idempotency key from why
// (e.g. the paid subscription that ended), so each fall-back happens once.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function createFreeTierSubscription(
  params: { customerId: string; organizationId: string; priceId: string; currency: string; idempotencyKey: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Subscription> {
  return stripe.subscriptions.create(
    {
      customer: params.customerId,
      items: [{ price: params.priceId, quantity: 1 }],
      currency: params.currency,
      metadata: { organization_id: params.organizationId, seikyu_intent: 'free_tier' },
    },
    { idempotencyKey: params.idempotencyKey },
  );
}
