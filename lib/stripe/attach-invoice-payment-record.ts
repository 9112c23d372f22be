// Attaches a reported payment record to an open invoice: Stripe credits it (amount_paid, amount_remaining) and
// turns the invoice paid when nothing remains.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function attachInvoicePaymentRecord(
  params: { invoiceId: string; paymentRecordId: string; idempotencyKey: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Invoice> {
  return stripe.invoices.attachPayment(params.invoiceId, { payment_record: params.paymentRecordId }, { idempotencyKey: params.idempotencyKey });
}
