// Sets a draft invoice's whole discount list: Stripe replaces `discounts` on update, so the caller passes the
// discounts to keep (`{ discount: 'di_…' }`) with any new coupon after them, or none to remove every one. The
// answer has each discount expanded with its coupon. The key comes from the caller's intent.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function setInvoiceDiscounts(
  params: { invoiceId: string; discounts: ({ discount: string } | { coupon: string })[]; idempotencyKey: string },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Invoice> {
  return stripe.invoices.update(
    params.invoiceId,
    { discounts: params.discounts.length > 0 ? params.discounts : '', expand: ['discounts', 'discounts.source.coupon'] },
    { idempotencyKey: params.idempotencyKey },
  );
}
