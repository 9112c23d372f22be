// The receipt of a paid invoice: the `receipt_url` of the charge behind the invoice's successful payment.
// In this API version an invoice lists its payments (`invoice.payments`); each names a PaymentIntent whose
// latest charge carries the receipt.
import 'server-only';
import type Stripe from 'stripe';
import { stripe } from './client';

export async function retrieveInvoiceReceiptUrl(invoiceId: string): Promise<string | null> {
  const invoice = await stripe.invoices.retrieve(invoiceId, { expand: ['payments'] });
  const payments = invoice.payments?.data ?? [];
  const paid = payments.find((payment) => payment.status === 'paid') ?? payments.find((payment) => payment.is_default);
  const intentRef = paid?.payment.payment_intent;
  if (!intentRef) return null;
  const intent: Stripe.PaymentIntent =
    typeof intentRef === 'string' ? await stripe.paymentIntents.retrieve(intentRef, { expand: ['latest_charge'] }) : intentRef;
  let charge = intent.latest_charge;
  if (typeof charge === 'string') charge = await stripe.charges.retrieve(charge);
  return charge?.receipt_url ?? null;
}
