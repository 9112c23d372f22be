// Reads one quote (with what the caller expands). Read-only.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function retrieveQuote(quoteId: string, stripe: Stripe = defaultStripe, params: Stripe.QuoteRetrieveParams = {}): Promise<Stripe.Quote> {
  return stripe.quotes.retrieve(quoteId, params);
}
