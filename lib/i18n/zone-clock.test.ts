import { describe, expect, it } from 'vitest';
import { wallClockIn, zoneOffsetMs } from './zone-clock';

const d = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe('zoneOffsetMs', () => {
  it('gives fixed and half-hour zones their offset', () => {
    expect(zoneOffsetMs(d('2026-12-07T05:00:00Z'), 'Asia/Tokyo')).toBe(9 * HOUR);
    expect(zoneOffsetMs(d('2026-12-07T05:00:00Z'), 'UTC')).toBe(0);
    expect(zoneOffsetMs(d('2026-12-07T05:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * HOUR);
    expect(zoneOffsetMs(d('2026-12-07T05:00:00Z'), 'Asia/Kathmandu')).toBe(5.75 * HOUR);
  });

  it('follows daylight saving time on both sides of the change', () => {
    // New York leaves daylight time at 06:00 UTC on 2026-11-01.
    expect(zoneOffsetMs(d('2026-11-01T05:59:59Z'), 'America/New_York')).toBe(-4 * HOUR);
    expect(zoneOffsetMs(d('2026-11-01T06:00:00Z'), 'America/New_York')).toBe(-5 * HOUR);
  });

  it('answers each zone with its own rules when zones alternate (one kept formatter per zone)', () => {
    const at = d('2026-07-01T12:00:00Z');
    const seen = ['Asia/Tokyo', 'America/New_York', 'Asia/Tokyo', 'Europe/London', 'America/New_York'].map((zone) => zoneOffsetMs(at, zone));
    expect(seen).toEqual([9 * HOUR, -4 * HOUR, 9 * HOUR, 1 * HOUR, -4 * HOUR]);
  });

  it('rejects an unknown zone as Intl does', () => {
    expect(() => zoneOffsetMs(d('2026-12-07T05:00:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('wallClockIn', () => {
  it('reads midnight as hour 0 and the date of the zone, not of UTC', () => {
    expect(wallClockIn(d('2026-12-06T15:00:00Z'), 'Asia/Tokyo')).toEqual({ year: 2026, month: 12, day: 7, hour: 0, minute: 0, second: 0 });
    expect(wallClockIn(d('2027-01-01T04:59:59Z'), 'America/New_York')).toEqual({ year: 2026, month: 12, day: 31, hour: 23, minute: 59, second: 59 });
  });
});
