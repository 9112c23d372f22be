// Adds a one-off line to a draft invoice (an invoice item created with `invoice`). The key comes from the intent.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function addDraftInvoiceItem(
  params: { customerId: string; invoiceId: string; amount: number; currency: string; description: string; idempotencyKey: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.InvoiceItem> {
  return stripe.invoiceItems.create(
    { customer: params.customerId, invoice: params.invoiceId, amount: params.amount, currency: params.currency, description: params.description },
    { idempotencyKey: params.idempotencyKey },
  );
}
