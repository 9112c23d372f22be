// Reads one invoice from Stripe (not the mirror): used after the browser says a payment went through.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function retrieveInvoice(invoiceId: string, stripe: Stripe = defaultStripe): Promise<Stripe.Invoice> {
  return stripe.invoices.retrieve(invoiceId);
}
