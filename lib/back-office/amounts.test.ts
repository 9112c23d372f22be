import { describe, expect, it } from 'vitest';
import { parseMajorAmount } from './amounts';

describe('parseMajorAmount', () => {
  it('reads yen without decimals and dollars with up to two', () => {
    expect(parseMajorAmount('12,000', 'jpy')).toBe(12_000);
    expect(parseMajorAmount('120.5', 'usd')).toBe(12_050);
    expect(parseMajorAmount('0', 'usd')).toBe(0);
    expect(parseMajorAmount('-5', 'jpy')).toBe(-5);
  });
  it('refuses decimals the currency does not have and anything not a number', () => {
    expect(parseMajorAmount('1.5', 'jpy')).toBeNull();
    expect(parseMajorAmount('1.234', 'usd')).toBeNull();
    expect(parseMajorAmount('abc', 'usd')).toBeNull();
    expect(parseMajorAmount('', 'usd')).toBeNull();
  });
});
