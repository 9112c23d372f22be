// Cancels a draft or open quote. A quote is canceled once, so the key is the quote's.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function cancelQuote(quoteId: string, stripe: Stripe = defaultStripe): Promise<Stripe.Quote> {
  return stripe.quotes.cancel(quoteId, {}, { idempotencyKey: `quote:${quoteId}:cancel` });
}
