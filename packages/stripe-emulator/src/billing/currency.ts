/**
 * Currency facts the billing engine needs. Amounts are always integers in the currency's minor unit as Stripe
 * defines it: for zero-decimal currencies (JPY, KRW, ...) the minor unit is the whole unit (¥500 is 500).
 * List from https://docs.stripe.com/currencies#zero-decimal.
 */
const ZERO_DECIMAL = new Set([
  'bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf',
]);

/** Stripe's three-decimal currencies (amounts still integers in thousandths). */
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

export function isZeroDecimalCurrency(currency: string): boolean {
  return ZERO_DECIMAL.has(currency.toLowerCase());
}

/** Number of decimal digits of the currency's minor unit (0 for JPY, 2 for USD, 3 for KWD). */
export function currencyExponent(currency: string): number {
  const c = currency.toLowerCase();
  if (ZERO_DECIMAL.has(c)) return 0;
  if (THREE_DECIMAL.has(c)) return 3;
  return 2;
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

/** Formats an integer minor-unit amount for people, e.g. 1234 usd → "$12.34", 1234 jpy → "¥1,234". */
export function formatMoney(amount: number, currency: string, locale = 'en-US'): string {
  const exponent = currencyExponent(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: currency.toUpperCase(),
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  }).format(amount / 10 ** exponent);
}
