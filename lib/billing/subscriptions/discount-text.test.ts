import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';
import type { DiscountTerms } from './discount-terms';
import { discountEndText, discountTermsText } from './discount-text';

const base: DiscountTerms = { name: 'x', code: null, percentOff: null, amountOff: null, currency: 'jpy', duration: 'once', durationInMonths: null };
const welcome = { ...base, percentOff: 10 };
const launch = { ...base, percentOff: 20, duration: 'repeating' as const, durationInMonths: 3 };
const thanks = { ...base, amountOff: 500, duration: 'forever' as const };

function translator(locale: 'en' | 'ja') {
  return createTranslator({ locale, messages: locale === 'en' ? en : ja, namespace: 'discounts' }) as never;
}

describe('discountTermsText', () => {
  it('says what it takes off and for how long, in English', () => {
    const t = translator('en');
    expect(discountTermsText(welcome, 'en', t)).toBe('10% off once');
    expect(discountTermsText(launch, 'en', t)).toBe('20% off for 3 months');
    expect(discountTermsText({ ...launch, durationInMonths: 1 }, 'en', t)).toBe('20% off for 1 month');
    expect(discountTermsText(thanks, 'en', t)).toBe('¥500 off forever');
    expect(discountTermsText({ ...thanks, amountOff: 400, currency: 'usd', duration: 'once' }, 'en', t)).toBe('$4.00 off once');
    expect(discountTermsText({ ...welcome, percentOff: 12.5 }, 'en', t)).toBe('12.5% off once');
  });

  it('says it in Japanese, and names only the duration when the amount in this currency is unknown', () => {
    const t = translator('ja');
    expect(discountTermsText(welcome, 'ja', t)).toBe('10%割引（1回のみ）');
    expect(discountTermsText(launch, 'ja', t)).toBe('20%割引（3か月間）');
    expect(discountTermsText(thanks, 'ja', t)).toBe('￥500割引（無期限）');
    expect(discountTermsText({ ...base, duration: 'forever' }, 'ja', t)).toBe('無期限');
  });
});

describe('discountEndText', () => {
  it('says until when a running discount applies', () => {
    const end = new Date('2027-03-06T08:00:00Z');
    expect(discountEndText({ duration: 'repeating', end }, 'en', 'UTC', translator('en'))).toBe('Until Mar 6, 2027');
    expect(discountEndText({ duration: 'repeating', end }, 'ja', 'Asia/Tokyo', translator('ja'))).toBe('2027/03/06まで');
    expect(discountEndText({ duration: 'once', end: null }, 'en', 'UTC', translator('en'))).toBe('Takes off your next invoice');
    expect(discountEndText({ duration: 'forever', end: null }, 'ja', 'Asia/Tokyo', translator('ja'))).toBe('期限なし');
  });
});
