import { describe, expect, it } from 'vitest';
import type { DayComparison } from '@/lib/usage/period';
import { usageChartGeometry } from './usage-chart';

const start = Date.UTC(2026, 10, 1);
const day = (n: number, current: number | null, previous: number | null): DayComparison => ({
  day: n,
  date: new Date(start + (n - 1) * 86_400_000),
  current,
  previous,
});
const format = { dayLabel: (date: Date) => `${date.getUTCMonth() + 1}/${date.getUTCDate()}`, number: (value: number) => String(value) };
/** The rectangles of one path, as [x, top, width, height]. */
const rectangles = (path: string) =>
  [...path.matchAll(/M([\d.]+) ([\d.]+)h([\d.]+)v([\d.]+)h-([\d.]+)z/g)].map((m) => {
    expect(m[5]).toBe(m[3]);
    return [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  });

describe('usageChartGeometry', () => {
  it('draws one rectangle per day with usage, down to the baseline, the current day beside the previous one', () => {
    const days = [day(1, 100, 50), day(2, 0, 200), day(3, null, 25), day(4, null, null)];
    const g = usageChartGeometry(days, format);
    const previous = rectangles(g.previousBars);
    const current = rectangles(g.currentBars);
    // Day 2 used nothing and days 3 and 4 are still to come: no bar. Day 4 had no previous day.
    expect(current).toHaveLength(1);
    expect(previous).toHaveLength(3);
    for (const [, top, , height] of [...previous, ...current]) expect(top! + height!).toBeCloseTo(g.baseline, 1);
    // Heights in proportion to the values: 200 is twice 100, four times 50.
    const [day1Previous, day2Previous] = previous;
    expect(day2Previous![3]! / current[0]![3]!).toBeCloseTo(2, 1);
    expect(current[0]![3]! / day1Previous![3]!).toBeCloseTo(2, 1);
    // The current bar stands right of the same day's previous one, one bar width along.
    expect(current[0]![0]).toBeCloseTo(day1Previous![0]! + day1Previous![2]!, 1);
    // The tallest bar reaches the top tick.
    expect(Math.min(...g.ticks.map((t) => t.y))).toBeLessThanOrEqual(day2Previous![1]!);
  });

  it('labels every few days so a month stays readable, and scales an empty period from zero', () => {
    const month = Array.from({ length: 31 }, (_, i) => day(i + 1, null, null));
    const g = usageChartGeometry(month, format);
    expect(g.labels.map((l) => l.text)).toEqual(['11/1', '11/8', '11/15', '11/22', '11/29']);
    expect(g.previousBars).toBe('');
    expect(g.currentBars).toBe('');
    expect(g.ticks[0]).toEqual({ y: g.baseline, label: '0' });
  });
});
