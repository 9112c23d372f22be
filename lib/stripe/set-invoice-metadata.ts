// Adds metadata to an invoice (allowed on a paid one). The key comes from the caller's intent.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function setInvoiceMetadata(
  params: { invoiceId: string; metadata: Record<string, string>; idempotencyKey: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Invoice> {
  return stripe.invoices.update(params.invoiceId, { metadata: params.metadata }, { idempotencyKey: params.idempotencyKey });
}
