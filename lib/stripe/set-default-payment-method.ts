// Makes a card the customer's default for invoices and subscriptions without their own default. The key names
// the change (from → to), so a double click is one request and switching back later is a new one.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function setDefaultPaymentMethod(
  params: { organizationId: string; customerId: string; paymentMethodId: string; previousDefaultId: string | null },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Customer> {
  return stripe.customers.update(
    params.customerId,
    { invoice_settings: { default_payment_method: params.paymentMethodId } },
    { idempotencyKey: `org:${params.organizationId}:default-card:${params.previousDefaultId ?? 'none'}:${params.paymentMethodId}` },
  );
}
