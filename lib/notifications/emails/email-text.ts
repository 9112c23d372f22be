// The reader's language for one email: translations from the "emails" namespace, and money, dates and
// months formatted the way that reader expects. Dates are in `timeZone`: the organization's when the email is
// about one (lib/i18n/time-zones.ts), so a due date reads the same day in English and Japanese.
import { createTranslator } from 'next-intl';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';
import type { Locale } from '@/lib/i18n/config';
import { formatDate, formatMoney } from '@/lib/i18n/format';

const messages = { en, ja } as const;

export type EmailText = {
  locale: Locale;
  /** The zone `date` formats in. */
  timeZone: string;
  t: (key: string, values?: Record<string, string | number>) => string;
  money: (amount: number, currency: string) => string;
  date: (iso: string) => string;
  month: (year: number, month: number) => string;
  /** The decline reason in the customer's words (Stripe's decline code when known, else a generic sentence). */
  decline: (code: string | null) => string;
  /** Whether `decline` has words of its own for this code. */
  knowsDecline: (code: string | null) => boolean;
};

export function emailText(locale: Locale, timeZone: string): EmailText {
  const translate = createTranslator({ locale, messages: messages[locale], namespace: 'emails' });
  const t = (key: string, values?: Record<string, string | number>) => (translate as unknown as (k: string, v?: Record<string, string | number>) => string)(key, values);
  const knowsDecline = (code: string | null) => Boolean(code && translate.has(`declines.${code}` as never));
  return {
    locale,
    timeZone,
    t,
    money: (amount, currency) => formatMoney(amount, currency, locale),
    date: (iso) => formatDate(new Date(iso), locale, timeZone),
    month: (year, month) => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1)),
    decline: (code) => (knowsDecline(code) ? t(`declines.${code}`) : t('declines.other')),
    knowsDecline,
  };
}
