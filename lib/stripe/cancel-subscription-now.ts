// Ends a subscription at once without proration (used to retire the free tier when a paid plan replaced it).
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function cancelSubscriptionNow(
  params: { subscriptionId: string; comment: string; idempotencyKey: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Subscription> {
  return stripe.subscriptions.cancel(
    params.subscriptionId,
    { prorate: false, invoice_now: false, cancellation_details: { comment: params.comment } },
    { idempotencyKey: params.idempotencyKey },
  );
}
