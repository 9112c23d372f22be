/**
 * Billing period arithmetic, as Stripe does it (all times are Unix seconds, calendar maths in UTC).
 *
 * Every period boundary is computed from the billing cycle anchor, never chained from the previous boundary, so
 * month-end clamping does not drift: an anchor on Jan 31 gives Feb 28 (29 in leap years), Mar 31, Apr 30, ...
 * The anchor's time of day is kept on every boundary.
 */
export type RecurringInterval = 'day' | 'week' | 'month' | 'year';

export interface Recurrence {
  interval: RecurringInterval;
  interval_count: number;
}

export interface Period {
  start: number;
  end: number;
}

const DAY = 86_400;

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

function addMonthsClamped(anchor: number, months: number): number {
  const d = new Date(anchor * 1000);
  const totalMonths = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(totalMonths / 12);
  const month = totalMonths - year * 12;
  const day = Math.min(d.getUTCDate(), daysInMonth(year, month));
  return (
    Date.UTC(year, month, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()) / 1000
  );
}

function assertRecurrence(r: Recurrence): void {
  if (!Number.isInteger(r.interval_count) || r.interval_count < 1) {
    throw new RangeError(`interval_count must be a positive integer, got ${r.interval_count}`);
  }
}

/** The boundary `n` intervals after `anchor` (n may be negative). */
export function addIntervals(anchor: number, r: Recurrence, n: number): number {
  assertRecurrence(r);
  const steps = n * r.interval_count;
  switch (r.interval) {
    case 'day':
      return anchor + steps * DAY;
    case 'week':
      return anchor + steps * 7 * DAY;
    case 'month':
      return addMonthsClamped(anchor, steps);
    case 'year':
      return addMonthsClamped(anchor, steps * 12);
  }
}

/** Approximate length of one interval in seconds, used only to pick a starting guess and for limits. */
export function approximateIntervalSeconds(r: Recurrence): number {
  const unit = { day: DAY, week: 7 * DAY, month: 30.436875 * DAY, year: 365.2425 * DAY }[r.interval];
  return unit * r.interval_count;
}

/**
 * Index n of the period containing `t`: addIntervals(anchor, r, n) <= t < addIntervals(anchor, r, n + 1).
 * Works for t before the anchor too (negative n).
 */
export function periodIndexAt(anchor: number, r: Recurrence, t: number): number {
  let n = Math.floor((t - anchor) / approximateIntervalSeconds(r));
  while (addIntervals(anchor, r, n) > t) n -= 1;
  while (addIntervals(anchor, r, n + 1) <= t) n += 1;
  return n;
}

/** The period of the cycle anchored at `anchor` that contains `t`. */
export function periodAt(anchor: number, r: Recurrence, t: number): Period {
  const n = periodIndexAt(anchor, r, t);
  return { start: addIntervals(anchor, r, n), end: addIntervals(anchor, r, n + 1) };
}

/** The first boundary of the cycle strictly after `t`. */
export function nextBoundaryAfter(anchor: number, r: Recurrence, t: number): number {
  return addIntervals(anchor, r, periodIndexAt(anchor, r, t) + 1);
}

/**
 * The first period of a new subscription that starts at `start` with cycle anchor `anchor` (anchor >= start).
 * When the anchor is in the future the first period is the stub [start, anchor) that Stripe prorates; otherwise
 * it is one full interval from the start.
 */
export function firstPeriod(start: number, anchor: number, r: Recurrence): Period {
  if (anchor > start) return { start, end: anchor };
  return { start, end: addIntervals(start, r, 1) };
}

/** Sorting key for "shortest interval" comparisons (test clock advance limits). */
export function compareRecurrence(a: Recurrence, b: Recurrence): number {
  return approximateIntervalSeconds(a) - approximateIntervalSeconds(b);
}
