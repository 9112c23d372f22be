import { describe, expect, it } from 'vitest';
import { addInterval, checkoutTerms } from './checkout-terms';

const now = new Date('2026-12-06T08:00:00Z');
const starter = { unitAmount: 1500, metered: false, interval: 'month' as const, intervalCount: 1, trialPeriodDays: null, currency: 'jpy' };

describe('addInterval', () => {
  it('keeps the day of the month, clamped to the month’s last day as Stripe’s billing anchor is', () => {
    expect(addInterval(now, 'month', 1).toISOString()).toBe('2027-01-06T08:00:00.000Z');
    expect(addInterval(new Date('2027-01-31T00:00:00Z'), 'month', 1).toISOString()).toBe('2027-02-28T00:00:00.000Z');
    expect(addInterval(new Date('2028-02-29T00:00:00Z'), 'year', 1).toISOString()).toBe('2029-02-28T00:00:00.000Z');
    expect(addInterval(now, 'day', 14).toISOString()).toBe('2026-12-20T08:00:00.000Z');
  });
});

describe('checkoutTerms', () => {
  it('charges the first period today and renews one interval later', () => {
    expect(checkoutTerms(starter, 1, now)).toEqual({
      dueToday: 1500,
      recurringAmount: 1500,
      interval: 'month',
      intervalCount: 1,
      recurringFrom: new Date('2027-01-06T08:00:00Z'),
      currency: 'jpy',
    });
  });

  it('multiplies by the seats, and charges nothing until a trial ends', () => {
    expect(checkoutTerms({ ...starter, unitAmount: 1200, trialPeriodDays: 14 }, 3, now)).toMatchObject({
      dueToday: 0,
      recurringAmount: 3600,
      recurringFrom: new Date('2026-12-20T08:00:00Z'),
    });
  });

  it('has no fixed renewal amount for usage billed in arrears, and no terms for a one-off price', () => {
    expect(checkoutTerms({ ...starter, metered: true, unitAmount: 20 }, 1, now)).toMatchObject({ dueToday: 0, recurringAmount: null });
    expect(checkoutTerms({ ...starter, interval: null }, 1, now)).toBeNull();
  });
});
