// Applies a previewed plan change: same items, same proration date, prorations invoiced and charged now.
// `error_if_incomplete`: if the card is declined Stripe answers 402 and nothing changes.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function updateSubscriptionItems(
  params: {
    subscriptionId: string;
    items: { id: string; price: string; quantity: number | null }[];
    prorationDate: number;
    idempotencyKey: string;
  },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Subscription> {
  return stripe.subscriptions.update(
    params.subscriptionId,
    {
      items: params.items.map((i) => (i.quantity === null ? { id: i.id, price: i.price } : { id: i.id, price: i.price, quantity: i.quantity })),
      proration_date: params.prorationDate,
      proration_behavior: 'always_invoice',
      payment_behavior: 'error_if_incomplete',
      expand: ['latest_invoice'],
    },
    { idempotencyKey: params.idempotencyKey },
  );
}
