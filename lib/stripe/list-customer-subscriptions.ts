// Every subscription of one customer as Stripe has it now (any status), for actions that must not act on a
// stale mirror (retiring the free tier after a paid plan started).
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function listCustomerSubscriptions(customerId: string, stripe: Stripe = defaultStripe): Promise<Stripe.Subscription[]> {
  const result: Stripe.Subscription[] = [];
  for await (const subscription of stripe.subscriptions.list({ customer: customerId, status: 'all', limit: 100 })) {
    result.push(subscription);
  }
  return result;
}
