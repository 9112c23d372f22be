// What the first invoice of a quote will bill (Stripe's computed upfront line items). Read-only.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function listQuoteUpfrontLines(quoteId: string, stripe: Stripe = defaultStripe): Promise<Stripe.LineItem[]> {
  const page = await stripe.quotes.listComputedUpfrontLineItems(quoteId, { limit: 100 });
  return page.data;
}
