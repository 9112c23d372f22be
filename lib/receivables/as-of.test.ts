import { describe, expect, it } from 'vitest';
import { endOfDayIn, todayIn } from './as-of';

describe('as-of date', () => {
  it('is the end of the chosen day in the operator time zone', () => {
    expect(endOfDayIn('2027-03-31', 'Asia/Tokyo')!.toISOString()).toBe('2027-03-31T14:59:59.999Z');
    expect(endOfDayIn('2027-03-31', 'UTC')!.toISOString()).toBe('2027-03-31T23:59:59.999Z');
  });

  it('refuses what is not a calendar day', () => {
    expect(endOfDayIn('2027-02-30', 'UTC')).toBeNull();
    expect(endOfDayIn('31/03/2027', 'UTC')).toBeNull();
  });

  it('defaults to today where the operator is', () => {
    expect(todayIn('Asia/Tokyo', new Date('2027-03-31T16:00:00Z'))).toBe('2027-04-01');
  });
});
