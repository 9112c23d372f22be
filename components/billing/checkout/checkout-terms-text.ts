// The sentences under a checkout's total and on its button, in the page's language: "then ¥1,500 (tax incl.)
// every month from Jan 6, 2027", the authorization for recurring charges, "Pay ¥1,350 and subscribe". Each says
// how the price holds the tax: a yen price includes it (税込), a dollar price has it added ("$10.00 plus tax").
// Pure: the sentences given the translator of `plans.checkout` and of `every`; the button (which follows the
// promotion codes in the browser) given the two raw templates.
import type { CheckoutTerms } from '@/lib/billing/plans/checkout-terms';
import { fillTemplate } from '@/lib/i18n/fill-template';
import { formatDate, formatMoney } from '@/lib/i18n/format';

type Translate = (key: string, values?: Record<string, string | number>) => string;

export type CheckoutTermsText = { then: string; authorization: string };

export function checkoutTermsText(terms: CheckoutTerms, locale: string, timeZone: string, t: Translate, tEvery: Translate): CheckoutTermsText {
  const every = tEvery(terms.interval, { count: terms.intervalCount });
  const date = formatDate(terms.recurringFrom, locale, timeZone);
  const tax = terms.taxBehavior;
  if (terms.recurringAmount === null || terms.recurringNet === null) {
    return {
      then: t('thenUsage', { every, date, tax }),
      authorization: t('authorizationUsage', { every, date, tax }),
    };
  }
  const values = {
    amount: formatMoney(terms.recurringAmount, terms.currency, locale),
    net: formatMoney(terms.recurringNet, terms.currency, locale),
    every,
    date,
    tax,
  };
  return {
    then: t('then', values),
    authorization: t('authorization', values),
  };
}

/** The `plans.checkout` button templates, raw (`t.raw`): `{amount}` is filled in here. */
export type SubscribeButtonLabels = { subscribeAndPay: string; subscribeNothingToday: string };

/** The button: what it charges today ("Pay ¥1,350 and subscribe"), or that nothing is charged today. */
export function subscribeButtonText(amountDue: number, currency: string, locale: string, labels: SubscribeButtonLabels): string {
  return amountDue > 0 ? fillTemplate(labels.subscribeAndPay, { amount: formatMoney(amountDue, currency, locale) }) : labels.subscribeNothingToday;
}
