// Finalizes a draft quote: Stripe numbers it and fixes `expires_at`. Keyed by the quote, so it happens once.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function finalizeQuote(quoteId: string, stripe: Stripe = defaultStripe): Promise<Stripe.Quote> {
  return stripe.quotes.finalizeQuote(quoteId, {}, { idempotencyKey: `quote:${quoteId}:finalize` });
}
