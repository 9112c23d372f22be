import { describe, expect, it } from 'vitest';
import { reversalsDue, reversalTarget } from './reversal';

describe('reversals', () => {
  it('reverses each transfer in proportion to the refund, rounding down', () => {
    expect(reversalTarget(1000, 3000, 3000)).toBe(1000);
    expect(reversalTarget(1000, 3000, 1000)).toBe(333);
    expect(reversalTarget(1000, 3000, 5000)).toBe(1000);
  });

  it('only reverses what is not reversed yet, so a replay reverses nothing', () => {
    const transfers = [
      { id: 'a', amount: 1000, reversedAmount: 333 },
      { id: 'b', amount: 1000, reversedAmount: 0 },
    ];
    expect(reversalsDue(transfers, 3000, 1000)).toEqual([{ id: 'b', amount: 333, target: 333 }]);
    expect(reversalsDue(transfers, 3000, 3000)).toEqual([
      { id: 'a', amount: 667, target: 1000 },
      { id: 'b', amount: 1000, target: 1000 },
    ]);
    expect(reversalsDue([{ id: 'a', amount: 1000, reversedAmount: 1000 }], 3000, 3000)).toEqual([]);
  });
});
