// Emails an open send_invoice invoice to the customer again (`invoice.sent`). The key comes from the caller's intent.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function sendInvoice(params: { invoiceId: string; idempotencyKey: string }, stripe: Stripe = defaultStripe): Promise<Stripe.Invoice> {
  return stripe.invoices.sendInvoice(params.invoiceId, {}, { idempotencyKey: params.idempotencyKey });
}
