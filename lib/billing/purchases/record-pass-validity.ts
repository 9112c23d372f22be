// The 30-day pass starts when it is paid: `pass_valid_until` (paid date + 30 days, ISO 8601) is written into the
// paid invoice's metadata, which the mirror keeps and the overview reads (db/queries/passes.ts). One piece of code
// for both ways an invoice gets paid: the browser flow (finishOneOffPurchase, after Stripe.js confirmed) and the
// webhook (invoice.paid), so a pass paid later from the invoice page, after an
// abandoned 3-D Secure, or any other way, still gets its validity. Both use the same key, derived from the invoice.
import 'server-only';
import type Stripe from 'stripe';
import { findCatalogPrice } from '@/db/queries/catalog';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { setInvoiceMetadata } from '@/lib/stripe/set-invoice-metadata';

/** Days a pass is valid from its payment (the catalogue's `seikyu_pass_days`). */
export const PASS_DAYS = 30;
const DAY_SECONDS = 24 * 60 * 60;

/** The pass's last day of validity: `PASS_DAYS` after the payment. */
export function passValidUntil(paidAt: number): string {
  return new Date((paidAt + PASS_DAYS * DAY_SECONDS) * 1000).toISOString();
}

/** The key of the one metadata write per invoice, whichever path gets there first. */
export function passValidityIdempotencyKey(invoiceId: string): string {
  return `invoice:${invoiceId}:pass-valid-until`;
}

function linePriceIds(invoice: Stripe.Invoice): string[] {
  const ids = (invoice.lines?.data ?? []).map((line) => {
    const price = line.pricing?.price_details?.price;
    return typeof price === 'string' ? price : (price?.id ?? null);
  });
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

/** An invoice we created for the pass, or any invoice with a line for a pass price of the mirrored catalogue. */
export async function isPassInvoice(invoice: Stripe.Invoice): Promise<boolean> {
  if (invoice.metadata?.seikyu_intent === 'pass') return true;
  for (const priceId of linePriceIds(invoice)) {
    const price = await findCatalogPrice({ priceId, currency: invoice.currency });
    if (price?.kind === 'pass') return true;
  }
  return false;
}

/**
 * For a paid pass invoice without `pass_valid_until`: writes it and returns the updated invoice. Any other invoice
 * (not paid, not a pass, already recorded) is returned unchanged, so calling it again changes nothing.
 */
export async function recordPassValidity(invoice: Stripe.Invoice, stripe: Stripe = defaultStripe): Promise<Stripe.Invoice> {
  const paidAt = invoice.status_transitions?.paid_at ?? null;
  if (invoice.status !== 'paid' || paidAt === null || invoice.metadata?.pass_valid_until) return invoice;
  if (!(await isPassInvoice(invoice))) return invoice;
  return setInvoiceMetadata(
    { invoiceId: invoice.id, metadata: { pass_valid_until: passValidUntil(paidAt) }, idempotencyKey: passValidityIdempotencyKey(invoice.id) },
    stripe,
  );
}
