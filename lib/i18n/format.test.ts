import { describe, expect, it } from 'vitest';
import { formatDate, formatMonthDay, formatMoney, formatQuantity, labelled, minorUnitDigits, parenthetical, spanned } from './format';

describe('formatMoney', () => {
  it('shows yen without decimals: JPY has no minor unit', () => {
    expect(formatMoney(1200, 'jpy', 'en')).toBe('¥1,200');
    expect(formatMoney(1200, 'jpy', 'ja')).toBe('￥1,200');
  });

  it('divides two-decimal currencies by 100', () => {
    expect(formatMoney(1200, 'usd', 'en')).toBe('$12.00');
    expect(formatMoney(5, 'usd', 'en')).toBe('$0.05');
    expect(formatMoney(1200, 'usd', 'ja')).toBe('$12.00');
  });

  it('divides three-decimal currencies by 1000', () => {
    expect(formatMoney(1500, 'kwd', 'en')).toContain('1.500');
  });

  it('formats negative amounts such as credits', () => {
    expect(formatMoney(-250, 'usd', 'en')).toBe('−$2.50');
  });

  it('refuses fractional minor units rather than rounding money silently', () => {
    expect(() => formatMoney(12.5, 'usd', 'en')).toThrow(RangeError);
  });
});

describe('minorUnitDigits', () => {
  it('follows Stripe’s lists, case-insensitively', () => {
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('krw')).toBe(0);
    expect(minorUnitDigits('eur')).toBe(2);
    expect(minorUnitDigits('bhd')).toBe(3);
  });
});

describe('formatDate', () => {
  it('uses the time zone given: midnight UTC is already the next day in Tokyo', () => {
    const date = new Date('2026-03-31T16:00:00Z');
    expect(formatDate(date, 'en', 'UTC')).toBe('Mar 31, 2026');
    expect(formatDate(date, 'ja', 'Asia/Tokyo')).toBe('2026/04/01');
  });
});

describe('formatQuantity and formatMonthDay', () => {
  it('groups quantities and keeps up to two decimals, in either language', () => {
    expect(formatQuantity(1234.5678, 'en')).toBe('1,234.57');
    expect(formatQuantity(1234.5678, 'ja')).toBe('1,234.57');
    expect(formatQuantity(3, 'en')).toBe('3');
  });

  it('labels a day by month and day in the time zone given', () => {
    const date = new Date('2026-03-31T16:00:00Z');
    expect(formatMonthDay(date, 'en', 'UTC')).toBe('3/31');
    expect(formatMonthDay(date, 'ja', 'Asia/Tokyo')).toBe('4/1');
  });
});

describe('labelled', () => {
  it('joins a label and its value with the language’s colon', () => {
    expect(labelled('最後のエラー', 'timeout', 'ja')).toBe('最後のエラー：timeout');
    expect(labelled('Last error', 'timeout', 'en')).toBe('Last error: timeout');
    expect(labelled('試行回数', 2, 'ja')).toBe('試行回数：2');
  });
});

describe('spanned', () => {
  it('writes a range as the language does: the wave dash in Japanese, a spaced en dash in English', () => {
    expect(spanned('2026/12/01', '2026/12/31', 'ja')).toBe('2026/12/01〜2026/12/31');
    expect(spanned('Dec 1, 2026', 'Dec 31, 2026', 'en')).toBe('Dec 1, 2026 – Dec 31, 2026');
  });
});

describe('parenthetical', () => {
  it('puts an aside in the language’s brackets: full-width in Japanese, spaced half-width in English', () => {
    expect(`日本標準時${parenthetical('このページの日付はこのタイムゾーンで表示', 'ja')}`).toBe('日本標準時（このページの日付はこのタイムゾーンで表示）');
    expect(`Japan Standard Time${parenthetical('dates on this page', 'en')}`).toBe('Japan Standard Time (dates on this page)');
  });
});
