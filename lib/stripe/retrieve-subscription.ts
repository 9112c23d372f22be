// Reads one subscription from Stripe (for actions deciding what to do next; pages read the mirror).
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function retrieveSubscription(subscriptionId: string, stripe: Stripe = defaultStripe): Promise<Stripe.Subscription> {
  return stripe.subscriptions.retrieve(subscriptionId);
}
