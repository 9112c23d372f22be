// The sentences under a checkout's total and on its button, in the page's language: "then ¥1,500 every month
// from Jan 6, 2027", the authorization for recurring charges, "Pay ¥1,500 and subscribe". Pure, given the
// translator of `plans.checkout` and of `every`.
import type { CheckoutTerms } from '@/lib/billing/plans/checkout-terms';
import { formatDate, formatMoney } from '@/lib/i18n/format';

type Translate = (key: string, values?: Record<string, string | number>) => string;

export type CheckoutTermsText = { then: string; authorization: string; button: string };

export function checkoutTermsText(terms: CheckoutTerms, locale: string, timeZone: string, t: Translate, tEvery: Translate): CheckoutTermsText {
  const every = tEvery(terms.interval, { count: terms.intervalCount });
  const date = formatDate(terms.recurringFrom, locale, timeZone);
  const today = formatMoney(terms.dueToday, terms.currency, locale);
  if (terms.recurringAmount === null) {
    return {
      then: t('thenUsage', { every, date }),
      authorization: t('authorizationUsage', { every, date }),
      button: t('subscribeNothingToday'),
    };
  }
  const amount = formatMoney(terms.recurringAmount, terms.currency, locale);
  return {
    then: t('then', { amount, every, date }),
    authorization: t('authorization', { amount, every, date }),
    button: terms.dueToday > 0 ? t('subscribeAndPay', { amount: today }) : t('subscribeNothingToday'),
  };
}
