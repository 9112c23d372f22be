// What Stripe would invoice for a subscription change: with `always_invoice` the invoice the update creates
// now (prorations, or the new period when the cycle restarts); with `none` the next renewal after the change.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function previewSubscriptionUpdate(
  params: {
    customerId: string;
    subscriptionId: string;
    items: { id: string; price: string; quantity: number | null }[];
    prorationDate: number;
    prorationBehavior: 'always_invoice' | 'none';
  },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Invoice> {
  return stripe.invoices.createPreview({
    customer: params.customerId,
    subscription: params.subscriptionId,
    subscription_details: {
      items: params.items.map((i) => (i.quantity === null ? { id: i.id, price: i.price } : { id: i.id, price: i.price, quantity: i.quantity })),
      proration_date: params.prorationDate,
      proration_behavior: params.prorationBehavior,
    },
  });
}
