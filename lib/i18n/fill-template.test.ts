import { describe, expect, it } from 'vitest';
import { fillTemplate } from './fill-template';

describe('fillTemplate', () => {
  it('fills every placeholder, in any order and more than once', () => {
    expect(fillTemplate('{date} に {method} で受領した {amount} を記録しますか？', { amount: '¥1,000', method: '銀行振込', date: '2026-12-06' })).toBe(
      '2026-12-06 に 銀行振込 で受領した ¥1,000 を記録しますか？',
    );
    expect(fillTemplate('{n} and {n}', { n: 2 })).toBe('2 and 2');
  });

  it('inserts values literally (no `$&` replacement patterns) and leaves unknown placeholders visible', () => {
    expect(fillTemplate('{name} was added.', { name: 'A $& B' })).toBe('A $& B was added.');
    expect(fillTemplate('Invoice {invoice} is {status}.', { invoice: 'in_1' })).toBe('Invoice in_1 is {status}.');
  });
});
