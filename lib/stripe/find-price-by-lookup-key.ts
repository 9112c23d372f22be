// The active price with a lookup key, with its `currency_options` (only returned when expanded, as in Stripe);
// null when the account's catalogue has none.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function findPriceByLookupKey(lookupKey: string, stripe: Stripe = defaultStripe): Promise<Stripe.Price | null> {
  const prices = await stripe.prices.list({ lookup_keys: [lookupKey], active: true, limit: 1, expand: ['data.currency_options'] });
  return prices.data[0] ?? null;
}
