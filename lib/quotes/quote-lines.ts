// Which catalogue lines a quote may carry. Pure: the caller hands in the catalogue as it exists in the quote's
// currency (db/queries/catalog `listCatalogPrices`), so a price with no amount in that currency is simply absent.
import type { CatalogPrice } from '@/db/queries/catalog';

export type QuoteLineRefusal = 'noLines' | 'quantity' | 'priceNotInCurrency' | 'metered' | 'mixedIntervals' | 'duplicateLine';

export type CheckedQuoteLine = { price: CatalogPrice; quantity: number };

export type QuoteLineCheck = { ok: true; lines: CheckedQuoteLine[]; trialPeriodDays: number | null } | { ok: false; refusal: QuoteLineRefusal };

/**
 * Every line's price must exist in the catalogue in the quote's currency, be billed per unit (metered usage is
 * not quotable: there is no quantity to agree on), appear once, and have a positive quantity; the recurring
 * lines must share one interval (one subscription). The trial is the recurring plan's own, if it has one.
 */
export function checkQuoteLines(lines: { priceId: string; quantity: number }[], catalog: CatalogPrice[]): QuoteLineCheck {
  if (lines.length === 0) return { ok: false, refusal: 'noLines' };
  const byId = new Map(catalog.map((p) => [p.id, p]));
  const checked: CheckedQuoteLine[] = [];
  for (const line of lines) {
    if (line.quantity < 1) return { ok: false, refusal: 'quantity' };
    const price = byId.get(line.priceId);
    if (!price) return { ok: false, refusal: 'priceNotInCurrency' };
    if (price.metered || price.unitAmount === null) return { ok: false, refusal: 'metered' };
    if (checked.some((c) => c.price.id === price.id)) return { ok: false, refusal: 'duplicateLine' };
    checked.push({ price, quantity: line.quantity });
  }
  const recurring = checked.filter((c) => c.price.type === 'recurring');
  const intervals = new Set(recurring.map((c) => `${c.price.interval}:${c.price.intervalCount ?? 1}`));
  if (intervals.size > 1) return { ok: false, refusal: 'mixedIntervals' };
  const trialPeriodDays = recurring.map((c) => c.price.trialPeriodDays).find((d): d is number => typeof d === 'number' && d > 0) ?? null;
  return { ok: true, lines: checked, trialPeriodDays };
}

/** The end of `day` (YYYY-MM-DD) in Japan time, as Unix seconds: a quote is valid through its last day. */
export function expiryOf(day: string): number {
  return Math.floor(new Date(`${day}T23:59:59+09:00`).getTime() / 1000);
}

/** Days a new quote is valid by default (the builder's initial validity date). */
export const DEFAULT_QUOTE_VALIDITY_DAYS = 30;

/** The builder's default validity date (YYYY-MM-DD, Japan time), `days` after `now`. */
export function defaultExpiryDay(now: Date = new Date(), days = DEFAULT_QUOTE_VALIDITY_DAYS): string {
  return new Date(now.getTime() + days * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);
}
