// Edits a draft invoice: hold (auto_advance), memo (description), metadata, footer. Only the fields given change.
// Discounts have their own call (set-invoice-discounts.ts): Stripe replaces the whole list.
// The key comes from the caller's intent.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export async function updateDraftInvoice(
  params: {
    invoiceId: string;
    autoAdvance?: boolean;
    description?: string;
    metadata?: Record<string, string>;
    /** The footer printed on the invoice (a bank-transfer invoice's bank details). */
    footer?: string;
    idempotencyKey: string;
  },
  stripe: Stripe = defaultStripe,
): Promise<Stripe.Invoice> {
  const update: Stripe.InvoiceUpdateParams = {};
  if (params.autoAdvance !== undefined) update.auto_advance = params.autoAdvance;
  if (params.description !== undefined) update.description = params.description;
  if (params.metadata) update.metadata = params.metadata;
  if (params.footer !== undefined) update.footer = params.footer;
  return stripe.invoices.update(params.invoiceId, update, { idempotencyKey: params.idempotencyKey });
}
