import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format';
import { currentTimeZoneId, displayTimeZone, isSelectableTimeZone, selectableTimeZones } from './time-zones';

// 16:00 UTC on Dec 6 is already 01:00 on Dec 7 in Tokyo: the hours when English and Japanese readers used to see
// different days for the same invoice.
const instant = new Date('2026-12-06T16:00:00Z');
const tokyo = { timeZone: 'Asia/Tokyo' };
const utc = { timeZone: 'UTC' };

describe('dates on pages about one organization', () => {
  it("show the organization's day in both languages", () => {
    expect(formatDate(instant, 'en', displayTimeZone('en', tokyo))).toBe('Dec 7, 2026');
    expect(formatDate(instant, 'ja', displayTimeZone('ja', tokyo))).toBe('2026/12/07');
    expect(formatDate(instant, 'en', displayTimeZone('en', utc))).toBe('Dec 6, 2026');
    expect(formatDate(instant, 'ja', displayTimeZone('ja', utc))).toBe('2026/12/06');
  });

  it("show times on the organization's clock", () => {
    expect(formatDateTime(instant, 'en', displayTimeZone('en', tokyo))).toBe('Dec 7, 2026, 1:00 AM');
    expect(formatDateTime(instant, 'ja', displayTimeZone('ja', utc))).toBe('2026/12/06 16:00');
  });

  it("fall back to the reader's language's zone when there is no organization", () => {
    expect(displayTimeZone('en', null)).toBe('UTC');
    expect(displayTimeZone('ja', undefined)).toBe('Asia/Tokyo');
    expect(formatDate(instant, 'ja', displayTimeZone('ja', null))).toBe('2026/12/07');
  });
});

describe('selectable time zones', () => {
  it('accept UTC (the default) and IANA zones, nothing else', () => {
    expect(selectableTimeZones()[0]).toBe('UTC');
    expect(isSelectableTimeZone('UTC')).toBe(true);
    expect(isSelectableTimeZone('Asia/Tokyo')).toBe(true);
    expect(isSelectableTimeZone('America/New_York')).toBe(true);
    for (const bad of ['Mars/Olympus', 'asia/tokyo', '', 'GMT+9', 9, null]) expect(isSelectableTimeZone(bad)).toBe(false);
  });

  it('offer the current IANA names, sorted, and still accept the older ones ICU keeps', () => {
    const zones = selectableTimeZones();
    expect(zones).toContain('Asia/Kolkata');
    expect(zones).toContain('Europe/Kyiv');
    expect(zones).toContain('America/Argentina/Buenos_Aires');
    for (const old of ['Asia/Calcutta', 'Europe/Kiev', 'Asia/Saigon', 'America/Buenos_Aires']) {
      expect(zones).not.toContain(old);
      expect(isSelectableTimeZone(old)).toBe(true);
    }
    expect(currentTimeZoneId('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(currentTimeZoneId('Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(new Set(zones).size).toBe(zones.length);
    expect(zones.slice(1)).toEqual([...zones.slice(1)].sort());
    // Every offered name is one Intl formats in (the same rules as the old name).
    const at = new Date('2026-12-07T00:00:00Z');
    for (const zone of zones) expect(() => new Intl.DateTimeFormat('en', { timeZone: zone }).format(at)).not.toThrow();
    const hour = (zone: string) => new Intl.DateTimeFormat('en', { timeZone: zone, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).format(at);
    expect(hour('Asia/Kolkata')).toBe(hour('Asia/Calcutta'));
  });
});
