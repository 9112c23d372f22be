import { describe, expect, it } from 'vitest';
import { addMonthsClamped, calendarMonthIn, compareDays, comparedPeriod, currentUsagePeriod, periodTotals, previousUsagePeriod, startOfDayIn } from './period';

const d = (iso: string) => new Date(iso);

describe('days in the organization time zone', () => {
  it('starts a Tokyo day at 15:00 UTC the day before, a UTC day at midnight', () => {
    expect(startOfDayIn(d('2026-12-06T14:59:59Z'), 'Asia/Tokyo').toISOString()).toBe('2026-12-05T15:00:00.000Z');
    expect(startOfDayIn(d('2026-12-06T15:00:00Z'), 'Asia/Tokyo').toISOString()).toBe('2026-12-06T15:00:00.000Z');
    expect(startOfDayIn(d('2026-12-06T23:59:59Z'), 'UTC').toISOString()).toBe('2026-12-06T00:00:00.000Z');
  });

  it('keeps local midnight across a daylight-saving change (New York, 2026-11-01 is 25 hours long)', () => {
    expect(startOfDayIn(d('2026-11-01T12:00:00Z'), 'America/New_York').toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(startOfDayIn(d('2026-11-02T12:00:00Z'), 'America/New_York').toISOString()).toBe('2026-11-02T05:00:00.000Z');
  });

  it('finds the calendar month in the zone: 1 December in Tokyo begins on 30 November UTC', () => {
    const month = calendarMonthIn(d('2026-11-30T16:00:00Z'), 'Asia/Tokyo');
    expect(month.start.toISOString()).toBe('2026-11-30T15:00:00.000Z');
    expect(month.end.toISOString()).toBe('2026-12-31T15:00:00.000Z');
  });
});

describe('the period', () => {
  it('is the metered subscription period when it holds now, else the calendar month (not billed)', () => {
    const sub = { start: d('2026-11-20T00:00:00Z'), end: d('2026-12-20T00:00:00Z') };
    expect(currentUsagePeriod({ now: d('2026-12-06T00:00:00Z'), timeZone: 'UTC', subscriptionPeriod: sub })).toEqual({ ...sub, billed: true });
    const month = currentUsagePeriod({ now: d('2026-12-06T00:00:00Z'), timeZone: 'UTC', subscriptionPeriod: null });
    expect(month).toEqual({ start: d('2026-12-01T00:00:00Z'), end: d('2027-01-01T00:00:00Z'), billed: false });
  });

  it('is preceded by the month before: a billing cycle a month earlier, or the previous calendar month', () => {
    const billed = { start: d('2026-03-31T00:00:00Z'), end: d('2026-04-30T00:00:00Z'), billed: true };
    expect(previousUsagePeriod(billed, 'UTC')).toEqual({ start: d('2026-02-28T00:00:00Z'), end: d('2026-03-31T00:00:00Z') });
    const calendar = { start: d('2026-12-31T15:00:00Z'), end: d('2027-01-31T15:00:00Z'), billed: false };
    expect(previousUsagePeriod(calendar, 'Asia/Tokyo')).toEqual({ start: d('2026-11-30T15:00:00Z'), end: d('2026-12-31T15:00:00Z') });
    expect(addMonthsClamped(d('2027-01-31T09:00:00Z'), 1).toISOString()).toBe('2027-02-28T09:00:00.000Z');
  });
});

describe('the period compared with', () => {
  const first = { start: d('2026-12-07T18:00:00Z'), end: d('2027-01-07T18:00:00Z'), billed: true };

  it('is none in a metered plan’s first period: the month before it was not the plan’s', () => {
    // Subscribed at 18:00:00; Stripe may stamp the subscription a second after its period starts.
    expect(comparedPeriod(first, 'UTC', d('2026-12-07T18:00:00Z'))).toBeNull();
    expect(comparedPeriod(first, 'UTC', d('2026-12-07T18:00:01Z'))).toBeNull();
  });

  it('is the period before from the plan’s second period on, and the previous calendar month without a plan', () => {
    const second = { start: d('2027-01-07T18:00:00Z'), end: d('2027-02-07T18:00:00Z'), billed: true };
    expect(comparedPeriod(second, 'UTC', d('2026-12-07T18:00:00Z'))).toEqual({ start: first.start, end: first.end });
    const calendar = { start: d('2026-12-01T00:00:00Z'), end: d('2027-01-01T00:00:00Z'), billed: false };
    expect(comparedPeriod(calendar, 'UTC', null)).toEqual({ start: d('2026-11-01T00:00:00Z'), end: d('2026-12-01T00:00:00Z') });
  });
});

describe('this period against the previous one', () => {
  const day = (iso: string, value: number) => ({ start: d(iso), end: new Date(d(iso).getTime() + 86_400_000), value });
  const current = [day('2026-12-01T00:00:00Z', 5), day('2026-12-02T00:00:00Z', 0), day('2026-12-03T00:00:00Z', 0)];
  const previous = [day('2026-11-01T00:00:00Z', 2), day('2026-11-02T00:00:00Z', 4), day('2026-11-03T00:00:00Z', 6), day('2026-11-04T00:00:00Z', 1)];

  it('pairs day 1 with day 1, and leaves the days still to come empty rather than zero', () => {
    const days = compareDays({ current, previous, now: d('2026-12-02T08:00:00Z') });
    expect(days).toEqual([
      { day: 1, date: d('2026-12-01T00:00:00Z'), current: 5, previous: 2 },
      { day: 2, date: d('2026-12-02T00:00:00Z'), current: 0, previous: 4 },
      { day: 3, date: d('2026-12-03T00:00:00Z'), current: null, previous: 6 },
    ]);
    expect(periodTotals(days, previous)).toEqual({ current: 5, previousToDate: 6, previous: 13 });
  });

  it('has no previous totals when there is no previous period', () => {
    const days = compareDays({ current, previous: [], now: d('2026-12-02T08:00:00Z') });
    expect(days.map((day) => day.previous)).toEqual([null, null, null]);
    expect(periodTotals(days, null)).toEqual({ current: 5, previousToDate: null, previous: null });
  });
});
