// Currency facts live in core/currency.ts; the billing engine adds the rounding rule it uses for prorations
// and discounts.
import { currencyDecimals } from '../core/currency.js';

export { isZeroDecimal as isZeroDecimalCurrency } from '../core/currency.js';

/** Number of decimal digits of the currency's minor unit (0 for JPY, 2 for USD, 3 for KWD). */
export function currencyExponent(currency: string): number {
  return currencyDecimals(currency);
}

/**
 * Rounds a fractional minor-unit amount to an integer: to the nearest unit, halves away from zero (Stripe rounds
 * to the nearest unit, 0.5 up, and a credit is the mirror image of the matching debit).
 */
export function roundMinor(amount: number): number {
  if (!Number.isFinite(amount)) throw new RangeError(`cannot round non-finite amount ${amount}`);
  // Guard against binary noise such as 2.4999999999999996 that is really 2.5.
  const nudged = Math.round(amount * 1e9) / 1e9;
  const rounded = Math.sign(nudged) * Math.round(Math.abs(nudged));
  return rounded === 0 ? 0 : rounded;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats an integer minor-unit amount for people, e.g. 1234 usd → "$12.34", 1234 jpy → "¥1,234". Formatters
 * are cached: building an Intl.NumberFormat costs more than a renewal's other work.
 */
export function formatMoney(amount: number, currency: string, locale = 'en-US'): string {
  const key = `${locale}:${currency}`;
  let f = formatters.get(key);
  if (!f) {
    const decimals = currencyDecimals(currency);
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: currency.toUpperCase(),
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formatters.set(key, f);
  }
  return f.format(amount / 10 ** currencyDecimals(currency));
}
