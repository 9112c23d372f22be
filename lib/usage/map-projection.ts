// Stripe invoice preview → the projected-invoice mirror's facts. Pure.
import type Stripe from 'stripe';
import type { ProjectedInvoiceLine } from '@/db/schema';
import type { ProjectionFacts } from '@/db/queries/usage-dashboard';
import { lineOriginOf, type LineCatalog } from '@/lib/billing/invoices/line-description';
import { idOf } from '@/lib/stripe-sync/map-shared';

const isoOf = (seconds: number | null | undefined) => (typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : null);

/**
 * `meterOfPrice` names the meter a price bills and `catalogOfPrice` gives its display texts (both from the mirrored
 * catalogue). The preview's period is the one its usage lines are billed for (this period), which is what the
 * dashboard compares against.
 */
export function mapPreviewToProjection(
  preview: Stripe.Invoice,
  context: {
    customerId: string;
    subscriptionId: string;
    meterOfPrice: (priceId: string) => string | null;
    catalogOfPrice: (priceId: string) => LineCatalog | null;
  },
): ProjectionFacts {
  const lines: ProjectedInvoiceLine[] = preview.lines.data.map((line) => {
    const priceId = idOf(line.pricing?.price_details?.price);
    return {
      description: line.description,
      amount: line.amount,
      quantity: line.quantity,
      priceId,
      meter: priceId ? context.meterOfPrice(priceId) : null,
      periodStart: isoOf(line.period?.start),
      periodEnd: isoOf(line.period?.end),
      origin: lineOriginOf(line),
      catalog: priceId ? context.catalogOfPrice(priceId) : null,
    };
  });
  return {
    customerId: context.customerId,
    subscriptionId: context.subscriptionId,
    currency: preview.currency,
    subtotal: preview.subtotal,
    tax: (preview.total_taxes ?? []).reduce((sum, t) => sum + t.amount, 0),
    total: preview.total,
    amountDue: preview.amount_due,
    periodStart: new Date(preview.period_start * 1000),
    periodEnd: new Date(preview.period_end * 1000),
    lines,
  };
}

/** The projection of an organization with nothing billed on usage: no subscription to preview. */
export const NOTHING_BILLED: ProjectionFacts = {
  customerId: null,
  subscriptionId: null,
  currency: null,
  subtotal: null,
  tax: null,
  total: null,
  amountDue: null,
  periodStart: null,
  periodEnd: null,
  lines: [],
};
