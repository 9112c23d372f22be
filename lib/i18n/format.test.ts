import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, minorUnitDigits } from './format';

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
    expect(formatMoney(-250, 'usd', 'en')).toBe('-$2.50');
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
