// Pays an open invoice with the customer's default card (or the one given). The idempotency key comes from the
// caller's intent, so a double click pays once.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function payInvoice(
  params: { invoiceId: string; paymentMethodId?: string; idempotencyKey: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Invoice> {
  return stripe.invoices.pay(
    params.invoiceId,
    params.paymentMethodId ? { payment_method: params.paymentMethodId, off_session: false } : { off_session: false },
    { idempotencyKey: params.idempotencyKey },
  );
}
