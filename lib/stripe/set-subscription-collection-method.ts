// Switches how a subscription is paid: card charged automatically, or an invoice sent for bank transfer due in
// N days. Applies to invoices finalized from now on.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function setSubscriptionCollectionMethod(
  params:
    | { subscriptionId: string; method: 'send_invoice'; daysUntilDue: number; idempotencyKey: string }
    | { subscriptionId: string; method: 'charge_automatically'; idempotencyKey: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Subscription> {
  return stripe.subscriptions.update(
    params.subscriptionId,
    params.method === 'send_invoice'
      ? { collection_method: 'send_invoice', days_until_due: params.daysUntilDue }
      : { collection_method: 'charge_automatically' },
    { idempotencyKey: params.idempotencyKey },
  );
}
