// Reads a subscription with its latest invoice and that invoice's confirmation secret: what a quote's acceptance
// needs to know whether the customer still has to pay the first invoice in the browser. Read-only.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function retrieveSubscriptionFirstInvoice(subscriptionId: string, stripe: Stripe = defaultStripe): Promise<Stripe.Subscription> {
  return stripe.subscriptions.retrieve(subscriptionId, { expand: ['latest_invoice.confirmation_secret'] });
}
