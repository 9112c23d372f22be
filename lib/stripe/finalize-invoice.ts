// Finalizes a draft invoice. `autoAdvance: true` lets Stripe attempt the charge (charge_automatically) or email it
// (send_invoice) as it would have on its own; the key comes from the caller's intent, so a double click finalizes once.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function finalizeInvoice(
  params: { invoiceId: string; autoAdvance: boolean; idempotencyKey: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Invoice> {
  return stripe.invoices.finalizeInvoice(params.invoiceId, { auto_advance: params.autoAdvance }, { idempotencyKey: params.idempotencyKey });
}
