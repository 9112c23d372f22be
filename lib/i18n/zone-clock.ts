// Wall-clock arithmetic in an IANA time zone: how far the zone is ahead of UTC at an instant, and the calendar
// date there. Intl is the only source of zone rules here; building a DateTimeFormat with a time zone costs far
// more than formatting with it (tens of microseconds: ICU loads the zone's rules), and the usage dashboard asks
// for ten offsets per view, so one formatter per zone is kept for the process (lib/i18n/format.ts's cache).
import { cachedFormatter } from './format';

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  return cachedFormatter(
    `zone-parts|${timeZone}`,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
  );
}

/** The wall clock in `timeZone` at `at`, to the second. Throws RangeError for an unknown zone, as Intl does. */
export function wallClockIn(at: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const clock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of partsFormatter(timeZone).formatToParts(at)) {
    if (part.type in clock) clock[part.type as keyof typeof clock] = Number(part.value);
  }
  return clock;
}

/** Milliseconds `timeZone` is ahead of UTC at `at` (Asia/Tokyo: +9 h; America/New_York: −5 h or −4 h). */
export function zoneOffsetMs(at: Date, timeZone: string): number {
  const c = wallClockIn(at, timeZone);
  const wall = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The date `at` falls on in `timeZone`, as YYYY-MM-DD (a CSV's day, a file name's). */
export function dayIn(at: Date, timeZone: string): string {
  const { year, month, day } = wallClockIn(at, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
