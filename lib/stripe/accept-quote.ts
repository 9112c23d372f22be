// Accepts an open quote: Stripe creates the subscription (or schedule), or the invoice for one-off lines. A quote
// is accepted once, so the key is the quote's.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function acceptQuote(quoteId: string, stripe: Stripe = defaultStripe): Promise<Stripe.Quote> {
  return stripe.quotes.accept(quoteId, {}, { idempotencyKey: `quote:${quoteId}:accept` });
}
