import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';
import { checkoutTerms } from '@/lib/billing/plans/checkout-terms';
import { checkoutTermsText, subscribeButtonText } from './checkout-terms-text';

const now = new Date('2026-12-06T08:00:00Z');
const starter = { unitAmount: 1500, metered: false, interval: 'month' as const, intervalCount: 1, trialPeriodDays: null, currency: 'jpy' };
const included = { percentage: 10, behavior: 'inclusive' as const, displayName: '消費税' };
const added = { ...included, behavior: 'exclusive' as const };
const usdStarter = { ...starter, unitAmount: 1000, currency: 'usd' };

function text(locale: 'en' | 'ja', price: Parameters<typeof checkoutTerms>[0], quantity = 1, rate: Parameters<typeof checkoutTerms>[3] = included) {
  const messages = locale === 'en' ? en : ja;
  const t = createTranslator({ locale, messages, namespace: 'plans.checkout' });
  const tEvery = createTranslator({ locale, messages, namespace: 'every' });
  const timeZone = locale === 'en' ? 'UTC' : 'Asia/Tokyo';
  const terms = checkoutTerms(price, quantity, now, rate)!;
  const labels = { subscribeAndPay: messages.plans.checkout.subscribeAndPay, subscribeNothingToday: messages.plans.checkout.subscribeNothingToday };
  return { ...checkoutTermsText(terms, locale, timeZone, t as never, tEvery as never), button: subscribeButtonText(terms.dueToday, terms.currency, locale, labels) };
}

describe('checkoutTermsText', () => {
  it('says what is paid today and what follows, with the tax inside a yen price, in English', () => {
    const en = text('en', starter);
    expect(en.button).toBe('Pay ¥1,500 and subscribe');
    expect(en.then).toBe('Then ¥1,500 (tax incl.) every month from Jan 6, 2027');
    expect(en.authorization).toBe(
      'By subscribing, you authorize us to charge your card ¥1,500 (tax included) every month from Jan 6, 2027 until you cancel. You can cancel at any time on the subscription page.',
    );
  });

  it('says it in Japanese: 税込, never “plus tax where it applies”', () => {
    const ja = text('ja', starter);
    expect(ja.button).toBe('￥1,500を支払って申し込む');
    expect(ja.then).toBe('2027/01/06以降は毎月￥1,500（税込）');
    expect(ja.authorization).toContain('解約されるまで2027/01/06以降毎月￥1,500（税込）をこのカードに請求');
    expect(ja.authorization).not.toContain('該当する場合');
  });

  it('names the price and the added tax for a price without tax, and charges the total', () => {
    const en = text('en', usdStarter, 1, added);
    expect(en.button).toBe('Pay $11.00 and subscribe');
    expect(en.then).toBe('Then $11.00 ($10.00 plus tax) every month from Jan 6, 2027');
    expect(en.authorization).toContain('charge your card $11.00 ($10.00 plus tax) every month from Jan 6, 2027 until you cancel.');
    const ja = text('ja', usdStarter, 1, added);
    expect(ja.then).toBe('2027/01/06以降は毎月$11.00（税抜$10.00＋消費税）');
    expect(ja.authorization).toContain('毎月$11.00（税抜$10.00＋消費税）をこのカードに請求');
  });

  it('names the interval count and the seats, and a trial charges nothing today', () => {
    const annualTeam = text('en', { ...starter, unitAmount: 12000, interval: 'year', trialPeriodDays: 14 }, 2);
    expect(annualTeam.button).toBe('Subscribe (nothing due today)');
    expect(annualTeam.then).toBe('Then ¥24,000 (tax incl.) every year from Dec 20, 2026');
    expect(text('ja', { ...starter, intervalCount: 3 }).then).toBe('2027/03/06以降は3か月ごとに￥1,500（税込）');
  });

  it('says on the button what a promotion code leaves due today', () => {
    const labels = { subscribeAndPay: en.plans.checkout.subscribeAndPay, subscribeNothingToday: en.plans.checkout.subscribeNothingToday };
    expect(subscribeButtonText(1350, 'jpy', 'en', labels)).toBe('Pay ¥1,350 and subscribe');
    expect(subscribeButtonText(0, 'jpy', 'en', labels)).toBe('Subscribe (nothing due today)');
    const jaLabels = { subscribeAndPay: ja.plans.checkout.subscribeAndPay, subscribeNothingToday: ja.plans.checkout.subscribeNothingToday };
    expect(subscribeButtonText(1350, 'jpy', 'ja', jaLabels)).toBe('￥1,350を支払って申し込む');
  });

  it('promises usage, not an amount, for a metered price, and says how its price holds the tax', () => {
    const usage = text('en', { ...starter, metered: true, unitAmount: 20 });
    expect(usage.then).toBe('Then your usage (tax incl.), billed every month from Jan 6, 2027');
    expect(usage.authorization).toContain('charge your card for your usage (tax included) every month from Jan 6, 2027 until you cancel.');
    expect(usage.button).toBe('Subscribe (nothing due today)');
    expect(text('en', { ...usdStarter, metered: true, unitAmount: 25 }, 1, added).then).toBe('Then your usage plus tax, billed every month from Jan 6, 2027');
    expect(text('ja', { ...starter, metered: true, unitAmount: 20 }).authorization).toContain('毎月ご利用分（税込）をこのカードに請求');
    expect(text('ja', { ...usdStarter, metered: true, unitAmount: 25 }, 1, added).then).toBe('2027/01/06以降は毎月ご利用分に消費税を加えた額を請求します');
  });
});
