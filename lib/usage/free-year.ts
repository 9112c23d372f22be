// The free tier's year: one device, free for a year from the organization's sign-up (its creation), no card. The
// organization is told 30 and 7 days before the year ends and asked to choose a plan. Pure.
import { freeTierEnd } from './compute-limits';

const DAY_MS = 86_400_000;

/** The notices before the free year ends, in days, longest first. */
export const FREE_YEAR_NOTICE_DAYS = [30, 7] as const;
export type FreeYearNotice = (typeof FREE_YEAR_NOTICE_DAYS)[number];

/** The same calendar date and time a year after sign-up: one definition, the limits API's (compute-limits.ts). */
export const freeYearEndsAt: (signedUpAt: Date) => Date = freeTierEnd;

/**
 * The notice due at `now`: the shortest one whose window (`days` before the end) has opened, or null before the
 * first window and once the year is over. A scan that missed the 30-day window (the app was down) sends the
 * 7-day notice only, never a late "30 days left".
 */
export function dueFreeYearNotice(endsAt: Date, now: Date): FreeYearNotice | null {
  const left = endsAt.getTime() - now.getTime();
  if (left <= 0) return null;
  const open = FREE_YEAR_NOTICE_DAYS.filter((days) => left <= days * DAY_MS);
  return open.length ? open[open.length - 1]! : null;
}

/** Whole days left (rounded up: 6.5 days read as "7 days"), at least 0. */
export function daysLeftInFreeYear(endsAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((endsAt.getTime() - now.getTime()) / DAY_MS));
}
