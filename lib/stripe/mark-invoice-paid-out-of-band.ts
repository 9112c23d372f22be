// Marks an open invoice paid outside Stripe for its full amount (`paid_out_of_band`), for accounts that do not
// use Payment Records.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function markInvoicePaidOutOfBand(params: { invoiceId: string; idempotencyKey: string }, stripe: Stripe = defaultStripe): Promise<Stripe.Invoice> {
  return stripe.invoices.pay(params.invoiceId, { paid_out_of_band: true }, { idempotencyKey: params.idempotencyKey });
}
