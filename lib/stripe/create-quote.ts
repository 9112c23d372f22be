// Creates a draft quote (or a copy of another with `from_quote`). The caller builds the params from the catalogue
// mirror and derives the key from the operator's intent (the form's attempt id), so a double click creates one.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function createQuote(params: Stripe.QuoteCreateParams, idempotencyKey: string, stripe: Stripe = defaultStripe): Promise<Stripe.Quote> {
  return stripe.quotes.create(params, { idempotencyKey });
}
