// A discount in its reader's words: what it takes off and for how long ("10% off once", "20% off for 3 months",
// "￥500割引（無期限）"), and on the subscription page until when it runs. Pure, given the translator of `discounts`.
import { formatDate, formatMoney, formatQuantity } from '@/lib/i18n/format';
import type { DiscountTerms } from './discount-terms';

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** "10% off", "¥500 off"; null for an amount coupon with no amount in the purchase's currency. */
export function discountOffText(terms: Pick<DiscountTerms, 'percentOff' | 'amountOff' | 'currency'>, locale: string, t: Translate): string | null {
  if (terms.percentOff !== null) {
    return t('percentOff', { percent: formatQuantity(terms.percentOff, locale) });
  }
  if (terms.amountOff !== null) return t('amountOff', { amount: formatMoney(terms.amountOff, terms.currency, locale) });
  return null;
}

/** What it takes off and for how long: "10% off once", "20% off for 3 months", "¥500 off forever". */
export function discountTermsText(terms: Pick<DiscountTerms, 'percentOff' | 'amountOff' | 'currency' | 'duration' | 'durationInMonths'>, locale: string, t: Translate): string {
  const duration = t('duration', { duration: terms.duration, months: terms.durationInMonths ?? 1 });
  const off = discountOffText(terms, locale, t);
  return off === null ? duration : t('terms', { off, duration });
}

/** Until when a running discount applies: its end date, the next invoice (once), or no end (forever). */
export function discountEndText(discount: Pick<DiscountTerms, 'duration'> & { end: Date | null }, locale: string, timeZone: string, t: Translate): string {
  if (discount.duration === 'repeating' && discount.end) return t('until', { date: formatDate(discount.end, locale, timeZone) });
  return t(discount.duration === 'once' ? 'nextInvoice' : 'noEnd');
}
