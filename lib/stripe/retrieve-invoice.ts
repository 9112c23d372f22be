// Reads one invoice from Stripe (not the mirror): after the browser says a payment went through, and in the
// invoice webhook, which treats the event as a trigger. `expand` for what a caller needs in the same read.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function retrieveInvoice(invoiceId: string, stripe: Stripe = defaultStripe, options: { expand?: string[] } = {}): Promise<Stripe.Invoice> {
  return stripe.invoices.retrieve(invoiceId, options.expand ? { expand: options.expand } : undefined);
}
