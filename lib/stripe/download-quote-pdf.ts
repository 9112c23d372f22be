// Stripe's own PDF of a finalized quote (`GET /v1/quotes/:id/pdf`, served by Stripe's file host; the SDK sends
// it to the same host as the API in emulator mode). Read-only.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function downloadQuotePdf(quoteId: string, stripe: Stripe = defaultStripe): Promise<Buffer> {
  const stream = await stripe.quotes.pdf(quoteId);
  const chunks: Buffer[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Buffer | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}
