// Periods and days as the usage dashboard shows them, pure: the billing period (the metered subscription's, else
// the calendar month in the organization's time zone), the period before it, the days a period covers in that
// zone, and this period's days side by side with the previous period's.
import { zoneOffsetMs } from '@/lib/i18n/zone-clock';

const DAY_MS = 86_400_000;

export type Period = { start: Date; end: Date };
export type Bucket = { start: Date; end: Date; value: number };

/** The instant a local wall-clock time in `timeZone` happens (the later offset wins across a change). */
function fromLocal(localMs: number, timeZone: string): Date {
  const guess = localMs - zoneOffsetMs(new Date(localMs), timeZone);
  return new Date(localMs - zoneOffsetMs(new Date(guess), timeZone));
}

/** Midnight of the day `at` falls on, in `timeZone`. */
export function startOfDayIn(at: Date, timeZone: string): Date {
  const local = at.getTime() + zoneOffsetMs(at, timeZone);
  return fromLocal(Math.floor(local / DAY_MS) * DAY_MS, timeZone);
}

/**
 * Midnight that ends the day `at` falls on, in `timeZone` (the next day's first instant). Not lib/receivables/
 * as-of.ts's endOfDayIn, which reads a YYYY-MM-DD day and gives its last millisecond.
 */
export function startOfNextDayIn(at: Date, timeZone: string): Date {
  const local = at.getTime() + zoneOffsetMs(at, timeZone);
  return fromLocal((Math.floor(local / DAY_MS) + 1) * DAY_MS, timeZone);
}

/** The calendar month `at` falls in, in `timeZone`. */
export function calendarMonthIn(at: Date, timeZone: string): Period {
  const local = new Date(at.getTime() + zoneOffsetMs(at, timeZone));
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  return { start: fromLocal(Date.UTC(y, m, 1), timeZone), end: fromLocal(Date.UTC(y, m + 1, 1), timeZone) };
}

/** The same instant `months` calendar months earlier or later (UTC), clamped to the month's last day, as Stripe's cycles are. */
export function addMonthsClamped(at: Date, months: number): Date {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(at.getUTCDate(), lastDay), at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds(), at.getUTCMilliseconds()));
}

/**
 * The period usage is billed for now: the subscription's current period when it has one that contains `now`,
 * else the calendar month in the organization's zone (usage without a metered plan is kept and shown, not billed).
 */
export function currentUsagePeriod(params: { now: Date; timeZone: string; subscriptionPeriod: Period | null }): Period & { billed: boolean } {
  const sub = params.subscriptionPeriod;
  if (sub && sub.start.getTime() <= params.now.getTime() && params.now.getTime() < sub.end.getTime()) return { ...sub, billed: true };
  return { ...calendarMonthIn(params.now, params.timeZone), billed: false };
}

/** The period before `period`: a month earlier (a monthly billing cycle or a calendar month), ending where it starts. */
export function previousUsagePeriod(period: Period & { billed: boolean }, timeZone: string): Period {
  if (!period.billed) return calendarMonthIn(new Date(period.start.getTime() - 1), timeZone);
  return { start: addMonthsClamped(period.start, -1), end: period.start };
}

/**
 * The period this one is compared with, or null when there is none: a billed period that began when its
 * subscription did (`subscriptionStart` at or after the period's start) is the plan's first, and the month before
 * it is no period of the plan (usage then was on another plan, the free tier's, and was never billed by this one).
 */
export function comparedPeriod(period: Period & { billed: boolean }, timeZone: string, subscriptionStart: Date | null): Period | null {
  if (period.billed && subscriptionStart && subscriptionStart.getTime() >= period.start.getTime()) return null;
  return previousUsagePeriod(period, timeZone);
}

export type DayComparison = {
  /** 1-based day of the period. */
  day: number;
  /** This period's day (its midnight in the zone). */
  date: Date;
  /** Usage on this day; null for days still to come. */
  current: number | null;
  /** Usage on the same day of the previous period; null when the previous period was shorter. */
  previous: number | null;
};

/**
 * This period's days beside the previous period's, day 1 with day 1: what the chart and its table show. Days
 * after `now` have no usage yet (null, not 0: nothing has happened, rather than nothing was used).
 */
export function compareDays(params: { current: Bucket[]; previous: Bucket[]; now: Date }): DayComparison[] {
  return params.current.map((bucket, index) => ({
    day: index + 1,
    date: bucket.start,
    current: bucket.start.getTime() > params.now.getTime() ? null : bucket.value,
    previous: params.previous[index]?.value ?? null,
  }));
}

export type PeriodTotals = {
  /** This period so far. */
  current: number;
  /** The previous period up to the same day; null when there is no previous period (comparedPeriod). */
  previousToDate: number | null;
  /** The whole previous period; null when there is none. */
  previous: number | null;
};

/** `previous`: the previous period's buckets, null when there is no previous period to compare with. */
export function periodTotals(days: DayComparison[], previous: Bucket[] | null): PeriodTotals {
  const sum = (values: (number | null)[]) => values.reduce<number>((total, v) => total + (v ?? 0), 0);
  const elapsed = days.filter((d) => d.current !== null).length;
  return {
    current: sum(days.map((d) => d.current)),
    previousToDate: previous ? sum(previous.slice(0, elapsed).map((b) => b.value)) : null,
    previous: previous ? sum(previous.map((b) => b.value)) : null,
  };
}
