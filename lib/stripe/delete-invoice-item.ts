// Removes an invoice item from its draft invoice (deleting it is idempotent in effect: a second delete 404s).
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function deleteInvoiceItem(params: { invoiceItemId: string }, stripe: Stripe = defaultStripe): Promise<void> {
  await stripe.invoiceItems.del(params.invoiceItemId);
}
