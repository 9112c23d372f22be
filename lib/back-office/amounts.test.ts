import { describe, expect, it } from 'vitest';
import { checkPaymentAmount, parseMajorAmount } from './amounts';

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

describe('checkPaymentAmount', () => {
  it('takes up to the amount remaining, as typed with grouping', () => {
    expect(checkPaymentAmount('22,600', 'jpy', 22_600)).toEqual({ amount: 22_600, problem: null });
    expect(checkPaymentAmount('0.01', 'usd', 1)).toEqual({ amount: 1, problem: null });
  });
  it('names what is wrong: not a number, not positive, more than remains', () => {
    expect(checkPaymentAmount('1.5', 'jpy', 22_600)).toEqual({ amount: null, problem: 'badAmount' });
    expect(checkPaymentAmount('0', 'jpy', 22_600)).toEqual({ amount: 0, problem: 'notPositive' });
    expect(checkPaymentAmount('-5', 'jpy', 22_600)).toEqual({ amount: -5, problem: 'notPositive' });
    expect(checkPaymentAmount('99,999', 'jpy', 22_600)).toEqual({ amount: 99_999, problem: 'moreThanRemaining' });
  });
});
