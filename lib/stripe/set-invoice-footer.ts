// Sets an invoice's footer. Stripe allows it on a draft and on a finalized invoice alike (the footer is not money):
// a bank-transfer invoice that Stripe issued at once still gets the bank details. The key comes from the caller's intent.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function setInvoiceFooter(params: { invoiceId: string; footer: string; idempotencyKey: string }, stripe: Stripe = defaultStripe): Promise<Stripe.Invoice> {
  return stripe.invoices.update(params.invoiceId, { footer: params.footer }, { idempotencyKey: params.idempotencyKey });
}
