// Voids an open or uncollectible invoice (irreversible). The key comes from the caller's intent.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function voidInvoice(params: { invoiceId: string; idempotencyKey: string }, stripe: Stripe = defaultStripe): Promise<Stripe.Invoice> {
  return stripe.invoices.voidInvoice(params.invoiceId, {}, { idempotencyKey: params.idempotencyKey });
}
