// Stripe quote (+ its line items) → stripe_quotes row. Pure.
// Tax per rate is summed from the lines' `taxes` (read with `expand: ['data.taxes']`), so the mirror has the
// rate's name and percentage without a second read; amounts are the quote's own (what Stripe will bill).
import type Stripe from 'stripe';
import type { MirroredQuoteLine, QuoteTaxLine, stripeQuotes } from '@/db/schema';
import { fromUnix, idOf, metadataOf, snapshot } from './map-shared';

export type QuoteRow = typeof stripeQuotes.$inferInsert;

function taxOf(tax: Stripe.LineItem.Tax): QuoteTaxLine {
  return {
    rateId: tax.rate.id,
    displayName: tax.rate.display_name,
    percentage: tax.rate.percentage,
    inclusive: tax.rate.inclusive,
    amount: tax.amount,
    taxableAmount: tax.taxable_amount ?? 0,
  };
}

export function mapQuoteLine(line: Stripe.LineItem): MirroredQuoteLine {
  const price = line.price;
  return {
    id: line.id,
    description: line.description ?? '',
    priceId: price?.id ?? null,
    quantity: line.quantity ?? 1,
    unitAmount: price?.unit_amount ?? null,
    amountSubtotal: line.amount_subtotal,
    amountTotal: line.amount_total,
    recurringInterval: price?.recurring?.interval ?? null,
    taxes: (line.taxes ?? []).map(taxOf),
  };
}

/** One entry per rate, amounts and taxable amounts added across lines, in the order rates first appear. */
export function sumTaxesByRate(lines: MirroredQuoteLine[]): QuoteTaxLine[] {
  const byRate = new Map<string, QuoteTaxLine>();
  for (const tax of lines.flatMap((l) => l.taxes)) {
    const key = tax.rateId ?? `${tax.displayName}:${tax.percentage}:${tax.inclusive}`;
    const seen = byRate.get(key);
    byRate.set(key, seen ? { ...seen, amount: seen.amount + tax.amount, taxableAmount: seen.taxableAmount + tax.taxableAmount } : { ...tax });
  }
  return [...byRate.values()];
}

export function mapQuote(quote: Stripe.Quote, organizationId: string | null, lineItems: Stripe.LineItem[]): QuoteRow {
  const lines = lineItems.map(mapQuoteLine);
  return {
    id: quote.id,
    customerId: idOf(quote.customer),
    organizationId,
    status: quote.status,
    number: quote.number,
    currency: quote.currency,
    collectionMethod: quote.collection_method,
    daysUntilDue: quote.invoice_settings?.days_until_due ?? null,
    amountSubtotal: quote.amount_subtotal,
    amountTotal: quote.amount_total,
    amountTax: quote.total_details?.amount_tax ?? 0,
    amountDiscount: quote.total_details?.amount_discount ?? 0,
    taxes: sumTaxesByRate(lines),
    lines,
    header: quote.header,
    footer: quote.footer,
    description: quote.description,
    trialPeriodDays: quote.subscription_data?.trial_period_days ?? null,
    expiresAt: fromUnix(quote.expires_at),
    finalizedAt: fromUnix(quote.status_transitions?.finalized_at),
    acceptedAt: fromUnix(quote.status_transitions?.accepted_at),
    canceledAt: fromUnix(quote.status_transitions?.canceled_at),
    subscriptionId: idOf(quote.subscription),
    invoiceId: idOf(quote.invoice),
    metadata: metadataOf(quote.metadata),
    stripeCreated: fromUnix(quote.created),
    data: snapshot({ ...quote, line_items: undefined }),
  };
}
