// A one-off invoice for one catalogue price, charged automatically and finalized at once so the browser can
// confirm its PaymentIntent with the Payment Element (`confirmation_secret`). Three Stripe calls, each with its
// own key derived from the caller's: a retried request (double click) finds the same invoice, item and
// finalization instead of creating new ones.
import 'server-only';
import type Stripe from 'stripe';
import { stripe as defaultStripe } from './client';

export type CreateOneOffInvoiceParams = {
  customerId: string;
  currency: string;
  priceId: string;
  /** Consumption tax rates from the catalogue (`default_tax_rates`). */
  taxRateIds: string[];
  metadata: Record<string, string>;
  idempotencyKey: string;
};

export async function createOneOffInvoice(params: CreateOneOffInvoiceParams, stripe: Stripe = defaultStripe): Promise<Stripe.Invoice> {
  const draft = await stripe.invoices.create(
    {
      customer: params.customerId,
      currency: params.currency,
      collection_method: 'charge_automatically',
      auto_advance: false,
      pending_invoice_items_behavior: 'exclude',
      ...(params.taxRateIds.length > 0 ? { default_tax_rates: params.taxRateIds } : {}),
      metadata: params.metadata,
    },
    { idempotencyKey: `${params.idempotencyKey}:invoice` },
  );
  await stripe.invoiceItems.create(
    { customer: params.customerId, invoice: draft.id, currency: params.currency, pricing: { price: params.priceId }, quantity: 1 },
    { idempotencyKey: `${params.idempotencyKey}:item` },
  );
  return stripe.invoices.finalizeInvoice(
    draft.id,
    { auto_advance: false, expand: ['confirmation_secret'] },
    { idempotencyKey: `${params.idempotencyKey}:finalize` },
  );
}
