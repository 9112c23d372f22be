import { describe, expect, it } from 'vitest';
import { daysLeftInFreeYear, dueFreeYearNotice, freeYearEndsAt } from './free-year';

describe('the free year', () => {
  it('ends on the same date a year after sign-up', () => {
    expect(freeYearEndsAt(new Date('2026-03-15T09:30:00Z')).toISOString()).toBe('2027-03-15T09:30:00.000Z');
    expect(freeYearEndsAt(new Date('2028-02-29T00:00:00Z')).toISOString()).toBe('2029-03-01T00:00:00.000Z');
  });

  it('asks for the 30-day notice inside the last 30 days, the 7-day one inside the last 7, nothing after the end', () => {
    const end = new Date('2027-03-15T00:00:00Z');
    expect(dueFreeYearNotice(end, new Date('2027-02-12T23:59:59Z'))).toBeNull();
    expect(dueFreeYearNotice(end, new Date('2027-02-13T00:00:00Z'))).toBe(30);
    expect(dueFreeYearNotice(end, new Date('2027-03-07T23:59:59Z'))).toBe(30);
    expect(dueFreeYearNotice(end, new Date('2027-03-08T00:00:00Z'))).toBe(7);
    expect(dueFreeYearNotice(end, new Date('2027-03-14T23:59:59Z'))).toBe(7);
    expect(dueFreeYearNotice(end, end)).toBeNull();
  });

  it('counts the days left rounded up', () => {
    const end = new Date('2027-03-15T00:00:00Z');
    expect(daysLeftInFreeYear(end, new Date('2027-03-08T12:00:00Z'))).toBe(7);
    expect(daysLeftInFreeYear(end, new Date('2027-03-16T00:00:00Z'))).toBe(0);
  });
});
