import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';
import { checkoutTerms } from '@/lib/billing/plans/checkout-terms';
import { checkoutTermsText } from './checkout-terms-text';

const now = new Date('2026-12-06T08:00:00Z');
const starter = { unitAmount: 1500, metered: false, interval: 'month' as const, intervalCount: 1, trialPeriodDays: null, currency: 'jpy' };

function text(locale: 'en' | 'ja', price: Parameters<typeof checkoutTerms>[0], quantity = 1) {
  const messages = locale === 'en' ? en : ja;
  const t = createTranslator({ locale, messages, namespace: 'plans.checkout' });
  const tEvery = createTranslator({ locale, messages, namespace: 'every' });
  const timeZone = locale === 'en' ? 'UTC' : 'Asia/Tokyo';
  return checkoutTermsText(checkoutTerms(price, quantity, now)!, locale, timeZone, t as never, tEvery as never);
}

describe('checkoutTermsText', () => {
  it('says what is paid today and what follows, in English', () => {
    const en = text('en', starter);
    expect(en.button).toBe('Pay ¥1,500 and subscribe');
    expect(en.then).toBe('Then ¥1,500 every month from Jan 6, 2027');
    expect(en.authorization).toBe(
      'By subscribing, you authorize us to charge your card ¥1,500 every month from Jan 6, 2027, plus tax where it applies, until you cancel. You can cancel at any time on the subscription page.',
    );
  });

  it('says it in Japanese', () => {
    const ja = text('ja', starter);
    expect(ja.button).toBe('￥1,500を支払って申し込む');
    expect(ja.then).toBe('2027/01/06以降は毎月￥1,500');
    expect(ja.authorization).toContain('解約されるまで2027/01/06以降毎月￥1,500');
  });

  it('names the interval count and the seats, and a trial charges nothing today', () => {
    const annualTeam = text('en', { ...starter, unitAmount: 12000, interval: 'year', trialPeriodDays: 14 }, 2);
    expect(annualTeam.button).toBe('Subscribe (nothing due today)');
    expect(annualTeam.then).toBe('Then ¥24,000 every year from Dec 20, 2026');
    expect(text('ja', { ...starter, intervalCount: 3 }).then).toBe('2027/03/06以降は3か月ごとに￥1,500');
  });

  it('promises usage, not an amount, for a metered price', () => {
    const usage = text('en', { ...starter, metered: true, unitAmount: 20 });
    expect(usage.then).toBe('Then your usage, billed every month from Jan 6, 2027');
    expect(usage.button).toBe('Subscribe (nothing due today)');
  });
});
