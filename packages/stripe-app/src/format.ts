// Money and dates as the Dashboard user reads them. Amounts arrive in the currency's minor unit (JPY has none).

export function formatMoney(amount: number, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

/** A Unix-seconds time as a date in the Dashboard user's locale and (by default) time zone; '—' when there is none. */
export function formatDate(seconds: number | null, locale: string, timeZone?: string): string {
  if (seconds === null) return '—';
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone }).format(new Date(seconds * 1000));
}
