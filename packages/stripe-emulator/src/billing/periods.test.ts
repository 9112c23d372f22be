import { describe, expect, it } from 'vitest';
import { addIntervals, firstPeriod, nextBoundaryAfter, periodAt } from './periods.js';

const ts = (iso: string) => Date.parse(iso) / 1000;
const iso = (t: number) => new Date(t * 1000).toISOString();
const monthly = { interval: 'month', interval_count: 1 } as const;

describe('addIntervals', () => {
  it('clamps month ends without drifting: Jan 31 → Feb 28 → Mar 31 → Apr 30', () => {
    const anchor = ts('2026-01-31T10:20:30Z');
    expect([1, 2, 3].map((n) => iso(addIntervals(anchor, monthly, n)))).toEqual([
      '2026-02-28T10:20:30.000Z',
      '2026-03-31T10:20:30.000Z',
      '2026-04-30T10:20:30.000Z',
    ]);
  });

  it('uses Feb 29 in leap years and keeps Feb 29 anchors yearly', () => {
    expect(iso(addIntervals(ts('2028-01-31T00:00:00Z'), monthly, 1))).toBe('2028-02-29T00:00:00.000Z');
    const leap = ts('2028-02-29T00:00:00Z');
    const yearly = { interval: 'year', interval_count: 1 } as const;
    expect(iso(addIntervals(leap, yearly, 1))).toBe('2029-02-28T00:00:00.000Z');
    expect(iso(addIntervals(leap, yearly, 4))).toBe('2032-02-29T00:00:00.000Z');
  });

  it('honours interval_count and day/week intervals', () => {
    const anchor = ts('2026-01-15T00:00:00Z');
    expect(iso(addIntervals(anchor, { interval: 'month', interval_count: 3 }, 1))).toBe('2026-04-15T00:00:00.000Z');
    expect(iso(addIntervals(anchor, { interval: 'week', interval_count: 2 }, 1))).toBe('2026-01-29T00:00:00.000Z');
    expect(iso(addIntervals(anchor, { interval: 'day', interval_count: 30 }, 1))).toBe('2026-02-14T00:00:00.000Z');
  });

  it('rejects a non-positive interval_count', () => {
    expect(() => addIntervals(0, { interval: 'month', interval_count: 0 }, 1)).toThrow(RangeError);
  });
});

describe('periodAt / nextBoundaryAfter', () => {
  it('finds the period containing a time, boundaries inclusive at the start', () => {
    const anchor = ts('2026-01-31T00:00:00Z');
    const p = periodAt(anchor, monthly, ts('2026-03-01T00:00:00Z'));
    expect([iso(p.start), iso(p.end)]).toEqual(['2026-02-28T00:00:00.000Z', '2026-03-31T00:00:00.000Z']);
    const atBoundary = periodAt(anchor, monthly, ts('2026-03-31T00:00:00Z'));
    expect(iso(atBoundary.start)).toBe('2026-03-31T00:00:00.000Z');
    expect(iso(nextBoundaryAfter(anchor, monthly, ts('2026-03-31T00:00:00Z')))).toBe('2026-04-30T00:00:00.000Z');
  });

  it('is exact many years out', () => {
    const anchor = ts('2026-01-31T12:00:00Z');
    const p = periodAt(anchor, monthly, ts('2036-02-29T11:59:59Z'));
    expect(iso(p.start)).toBe('2036-01-31T12:00:00.000Z');
    expect(iso(p.end)).toBe('2036-02-29T12:00:00.000Z');
  });

  it('makes a stub first period when the anchor is in the future', () => {
    const start = ts('2026-01-10T00:00:00Z');
    expect(firstPeriod(start, ts('2026-02-01T00:00:00Z'), monthly)).toEqual({ start, end: ts('2026-02-01T00:00:00Z') });
    expect(firstPeriod(start, start, monthly)).toEqual({ start, end: ts('2026-02-10T00:00:00Z') });
  });
});
