// Currencies as Stripe defines their minor units. Amounts are always integers in the minor unit;
// for zero-decimal currencies (JPY, KRW, ...) that unit is the currency itself (¥500 is 500, not 50000).

/** https://docs.stripe.com/currencies#zero-decimal */
export const ZERO_DECIMAL_CURRENCIES: ReadonlySet<string> = new Set([
  'bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf',
]);

/** Three-decimal currencies: Stripe requires amounts divisible by 10. */
export const THREE_DECIMAL_CURRENCIES: ReadonlySet<string> = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

export function isZeroDecimal(currency: string): boolean {
  return ZERO_DECIMAL_CURRENCIES.has(currency.toLowerCase());
}

/** Number of decimals of the currency's minor unit (0 for JPY, 2 for USD, 3 for KWD). */
export function currencyDecimals(currency: string): number {
  const c = currency.toLowerCase();
  if (ZERO_DECIMAL_CURRENCIES.has(c)) return 0;
  if (THREE_DECIMAL_CURRENCIES.has(c)) return 3;
  return 2;
}

/** Formats an amount in the minor unit for humans (receipts, PDFs): `formatAmount(500, 'jpy')` → "¥500". */
export function formatAmount(amount: number, currency: string, locale = 'en-US'): string {
  const decimals = currencyDecimals(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: currency.toUpperCase(),
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(amount / 10 ** decimals);
}

/** The currencies the emulator accepts (Stripe's presentment currencies most apps use). */
export const SUPPORTED_CURRENCIES: ReadonlySet<string> = new Set([
  'usd', 'eur', 'gbp', 'jpy', 'krw', 'cad', 'aud', 'chf', 'sek', 'nok', 'dkk', 'nzd', 'sgd', 'hkd', 'inr', 'brl',
  'mxn', 'pln', 'czk', 'huf', 'ron', 'thb', 'twd', 'myr', 'php', 'idr', 'vnd', 'clp', 'zar', 'aed', 'ils', 'try',
  'kwd', 'bhd', 'jod', 'omr', 'tnd', 'bif', 'djf', 'gnf', 'kmf', 'mga', 'pyg', 'rwf', 'ugx', 'vuv', 'xaf', 'xof', 'xpf',
]);
