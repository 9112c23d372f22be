// Removes a card from the customer. Detaching is final for a card, so the key is the card itself.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function detachPaymentMethod(
  params: { organizationId: string; paymentMethodId: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.PaymentMethod> {
  return stripe.paymentMethods.detach(params.paymentMethodId, {}, { idempotencyKey: `org:${params.organizationId}:detach-card:${params.paymentMethodId}` });
}
