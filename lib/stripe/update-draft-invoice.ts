// Edits a draft invoice: hold (auto_advance), memo (description), coupon, metadata. Only the fields given change.
// The key comes from the caller's intent.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function updateDraftInvoice(
  params: {
    invoiceId: string;
    autoAdvance?: boolean;
    description?: string;
    /** A coupon id to apply, or null to remove every discount. */
    coupon?: string | null;
    metadata?: Record<string, string>;
    idempotencyKey: string;
  },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Invoice> {
  const update: Stripe.InvoiceUpdateParams = {};
  if (params.autoAdvance !== undefined) update.auto_advance = params.autoAdvance;
  if (params.description !== undefined) update.description = params.description;
  if (params.coupon !== undefined) update.discounts = params.coupon === null ? '' : [{ coupon: params.coupon }];
  if (params.metadata) update.metadata = params.metadata;
  return stripe.invoices.update(params.invoiceId, update, { idempotencyKey: params.idempotencyKey });
}
