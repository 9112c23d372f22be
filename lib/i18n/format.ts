// Money and date formatting with Intl. Amounts are integers in the currency's minor unit as Stripe defines
// it: JPY and the other zero-decimal currencies have none, a few have three decimals.

// https://docs.stripe.com/currencies#zero-decimal
const ZERO_DECIMAL = new Set([
  'bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf',
]);
// https://docs.stripe.com/currencies#three-decimal
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

/** How many decimal places one unit of `currency` has in Stripe amounts. */
export function minorUnitDigits(currency: string): 0 | 2 | 3 {
  const code = currency.toLowerCase();
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  return 2;
}

// Building an Intl formatter costs far more than formatting with one (ICU data lookups): a page listing twelve
// invoices built 24+ of them per view. Formatters are immutable, so one per option set is kept for the process
// (lib/i18n/zone-clock.ts keeps its per-zone formatters here too).
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
/** The formatter kept under `key` (one key per option set), created by `create` the first time. */
export function cachedFormatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, create: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    // Keys come from a handful of locales, currencies and time zones; the cap only guards against surprises.
    if (formatters.size >= 500) formatters.clear();
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** `formatMoney(1200, 'jpy', 'en')` → "¥1,200"; `formatMoney(-250, 'usd', 'en')` → "−$2.50". */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  if (!Number.isInteger(amountMinor)) throw new RangeError(`amount must be an integer in minor units, got ${amountMinor}`);
  const digits = minorUnitDigits(currency);
  const formatted = cachedFormatter(
    `money|${locale}|${currency}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: currency.toUpperCase(),
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }),
  ).format(amountMinor / 10 ** digits);
  // Japanese pages write the yen sign one way (the glossary's ￥), whatever the ICU data of the server or browser.
  const yen = locale.startsWith('ja') ? formatted.replace(/¥/g, '￥') : formatted;
  // A negative amount carries the minus sign (U+2212) that the pages also put before a deduction ("−￥1,000"),
  // not ICU's hyphen: one sign for one meaning wherever an amount is written.
  return amountMinor < 0 ? yen.replace('-', '−') : yen;
}

export function formatDate(date: Date, locale: string, timeZone: string): string {
  return cachedFormatter(`date|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone })).format(date);
}

export function formatDateTime(date: Date, locale: string, timeZone: string): string {
  return cachedFormatter(`datetime|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone })).format(date);
}

/** A usage quantity (device hours, requests, a budget): grouped, up to two decimals. */
export function formatQuantity(value: number, locale: string): string {
  return cachedFormatter(`quantity|${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })).format(value);
}

/** A day as a chart's axis labels it: month and day ("12/8"), in `timeZone`. */
export function formatMonthDay(date: Date, locale: string, timeZone: string): string {
  return cachedFormatter(`month-day|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric', timeZone })).format(date);
}

/** "Label: value" as the language writes it: the full-width colon in Japanese ("登録番号：T…"), ": " otherwise. */
export function labelled(label: string, value: string | number, locale: string): string {
  return `${label}${locale === 'ja' ? '：' : ': '}${value}`;
}

/** From one value to another as the language writes a range: 「2026/12/01〜2026/12/31」, "Dec 1, 2026 – Dec 31, 2026". */
export function spanned(from: string, to: string, locale: string): string {
  return locale === 'ja' ? `${from}〜${to}` : `${from} – ${to}`;
}

/** An aside after what it qualifies: 「（…）」 in Japanese, " (…)" with its space in English. */
export function parenthetical(text: string, locale: string): string {
  return locale === 'ja' ? `（${text}）` : ` (${text})`;
}

/** Items listed as the language lists them: 「本人情報、振込先口座」, "Identity, Bank account". */
export function listed(items: readonly string[], locale: string): string {
  return items.join(locale === 'ja' ? '、' : ', ');
}
