// What a quote's state means to people: Stripe's status plus "expired" (open past its expiry, or canceled by
// Stripe at it). Pure.
import type { QuoteListStatus, QuoteRecord } from '@/db/queries/quotes';

export function displayStatusOf(quote: Pick<QuoteRecord, 'status' | 'expiresAt' | 'canceledAt'>, now: Date = new Date()): QuoteListStatus {
  if (quote.status === 'open' && quote.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (quote.status === 'canceled' && quote.canceledAt && quote.canceledAt.getTime() >= quote.expiresAt.getTime()) return 'expired';
  if (quote.status === 'draft' || quote.status === 'open' || quote.status === 'accepted' || quote.status === 'canceled') return quote.status;
  return 'canceled';
}

/** The first invoice Stripe computed for the quote (its `computed.upfront`): what accepting asks to pay now. */
export function upfrontOf(quote: Pick<QuoteRecord, 'data'>): { amountTotal: number; amountSubtotal: number; amountTax: number } {
  const upfront = (quote.data as { computed?: { upfront?: { amount_total?: number; amount_subtotal?: number; total_details?: { amount_tax?: number } } } }).computed?.upfront;
  return { amountTotal: upfront?.amount_total ?? 0, amountSubtotal: upfront?.amount_subtotal ?? 0, amountTax: upfront?.total_details?.amount_tax ?? 0 };
}

/** The recurring amount per period after any trial (Stripe's `computed.recurring`), or null for one-off quotes. */
export function recurringOf(quote: Pick<QuoteRecord, 'data'>): { amountTotal: number; interval: string; intervalCount: number } | null {
  const recurring = (quote.data as { computed?: { recurring?: { amount_total?: number; interval?: string; interval_count?: number } | null } }).computed?.recurring;
  return recurring && typeof recurring.amount_total === 'number' ? { amountTotal: recurring.amount_total, interval: recurring.interval ?? 'month', intervalCount: recurring.interval_count ?? 1 } : null;
}
