// The report's "as of" date: a calendar day (YYYY-MM-DD) in the operator's time zone, meaning the end of that
// day there. Default: today in that zone.
import { dayIn, zoneOffsetMs } from '@/lib/i18n/zone-clock';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today's date in `timeZone` as YYYY-MM-DD. */
export function todayIn(timeZone: string, now = new Date()): string {
  return dayIn(now, timeZone);
}

/** The last millisecond of `day` in `timeZone`, or null when `day` is not a real YYYY-MM-DD date. */
export function endOfDayIn(day: string, timeZone: string): Date | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const naive = Date.UTC(y, m - 1, d, 23, 59, 59, 999);
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return new Date(naive - Math.round(zoneOffsetMs(new Date(naive), timeZone) / 60_000) * 60_000);
}
