import { describe, expect, it } from 'vitest';
import { proratedAmount, prorationLines } from './proration.js';

describe('proration', () => {
  const period = { start: 1_000_000, end: 1_000_000 + 30 * 86_400 };
  const half = period.start + 15 * 86_400;

  it('matches Stripe docs: $10 → $20 halfway bills −$5 and +$10', () => {
    const lines = prorationLines(
      { unitAmount: 1000, quantity: 1, label: 'Basic' },
      { unitAmount: 2000, quantity: 1, label: 'Pro' },
      period,
      half,
    );
    expect(lines.map((l) => l.amount)).toEqual([-500, 1000]);
    expect(lines[0].description).toMatch(/^Unused time on Basic after /);
    expect(lines[1].description).toMatch(/^Remaining time on Pro after /);
    expect(lines.every((l) => l.period.start === half && l.period.end === period.end)).toBe(true);
  });

  it('computes amount × (end − date) / (end − start) to the second and rounds each line', () => {
    const date = period.start + 12_345;
    const expected = Math.round((2999 * (period.end - date)) / (period.end - period.start));
    expect(proratedAmount(2999, period, date)).toBe(expected);
    const lines = prorationLines(
      { unitAmount: 2999, quantity: 1, label: 'A' },
      { unitAmount: 2999, quantity: 3, label: 'A' },
      period,
      date,
    );
    expect(lines[0].amount).toBe(-expected);
    expect(lines[1].amount).toBe(Math.round((2999 * 3 * (period.end - date)) / (period.end - period.start)));
    expect(lines[1].description).toContain('3 × A');
  });

  it('rounds halves away from zero for credits and debits alike (JPY)', () => {
    // ¥5 over a 2-second period, 1 second left: 2.5 → 3 and −2.5 → −3.
    const p = { start: 0, end: 2 };
    expect(proratedAmount(5, p, 1)).toBe(3);
    const lines = prorationLines({ unitAmount: 5, quantity: 1, label: 'x' }, null, p, 1);
    expect(lines[0].amount).toBe(-3);
  });

  it('produces nothing when nothing billable changed, and refuses dates outside the period', () => {
    const item = { unitAmount: 1000, quantity: 2, label: 'Seat' };
    expect(prorationLines(item, { ...item }, period, half)).toEqual([]);
    expect(() => prorationLines(item, null, period, period.end + 1)).toThrow(RangeError);
  });
});
