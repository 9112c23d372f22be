// Marks an open invoice uncollectible (bad debt). The key comes from the caller's intent.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function markInvoiceUncollectible(
  params: { invoiceId: string; idempotencyKey: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Invoice> {
  return stripe.invoices.markUncollectible(params.invoiceId, {}, { idempotencyKey: params.idempotencyKey });
}
