// Sets how a subscription collects: charged to the card automatically, or invoices sent for bank transfer
// with a number of days until due. Future invoices follow; existing ones keep their own method.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function updateSubscriptionCollection(
  params: { subscriptionId: string; collectionMethod: 'charge_automatically' | 'send_invoice'; daysUntilDue: number | null; idempotencyKey: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Subscription> {
  const body: Stripe.SubscriptionUpdateParams =
    params.collectionMethod === 'send_invoice'
      ? { collection_method: 'send_invoice', days_until_due: params.daysUntilDue ?? 30 }
      : { collection_method: 'charge_automatically' };
  return stripe.subscriptions.update(params.subscriptionId, body, { idempotencyKey: params.idempotencyKey });
}
