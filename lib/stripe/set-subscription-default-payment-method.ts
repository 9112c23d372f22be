// Makes a card the one a subscription charges next. A subscription's own `default_payment_method` wins over the
// customer's default in Stripe, so changing the customer's default alone leaves renewals on the old card.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function setSubscriptionDefaultPaymentMethod(
  params: { subscriptionId: string; paymentMethodId: string; idempotencyKey: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Subscription> {
  return stripe.subscriptions.update(
    params.subscriptionId,
    { default_payment_method: params.paymentMethodId },
    { idempotencyKey: params.idempotencyKey },
  );
}
