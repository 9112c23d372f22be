import { describe, expect, it } from 'vitest';
import { addInterval, checkoutTerms } from './checkout-terms';

const now = new Date('2026-12-06T08:00:00Z');
const starter = { unitAmount: 1500, metered: false, interval: 'month' as const, intervalCount: 1, trialPeriodDays: null, currency: 'jpy' };
const included = { percentage: 10, behavior: 'inclusive' as const, displayName: '消費税' };
const added = { ...included, behavior: 'exclusive' as const };

describe('addInterval', () => {
  it('keeps the day of the month, clamped to the month’s last day as Stripe’s billing anchor is', () => {
    expect(addInterval(now, 'month', 1).toISOString()).toBe('2027-01-06T08:00:00.000Z');
    expect(addInterval(new Date('2027-01-31T00:00:00Z'), 'month', 1).toISOString()).toBe('2027-02-28T00:00:00.000Z');
    expect(addInterval(new Date('2028-02-29T00:00:00Z'), 'year', 1).toISOString()).toBe('2029-02-28T00:00:00.000Z');
    expect(addInterval(now, 'day', 14).toISOString()).toBe('2026-12-20T08:00:00.000Z');
  });
});

describe('checkoutTerms', () => {
  it('charges the first period today and renews one interval later, the tax inside a yen price', () => {
    expect(checkoutTerms(starter, 1, now, included)).toEqual({
      dueToday: 1500,
      dueTodayTaxes: [{ rateId: null, displayName: '消費税', percentage: 10, inclusive: true, amount: 136, taxableAmount: 1364 }],
      recurringAmount: 1500,
      recurringNet: 1500,
      taxBehavior: 'inclusive',
      interval: 'month',
      intervalCount: 1,
      recurringFrom: new Date('2027-01-06T08:00:00Z'),
      currency: 'jpy',
    });
  });

  it('adds the tax to a price that excludes it: the card is charged the price plus tax', () => {
    expect(checkoutTerms({ ...starter, unitAmount: 1000, currency: 'usd' }, 1, now, added)).toMatchObject({
      dueToday: 1100,
      recurringAmount: 1100,
      recurringNet: 1000,
      taxBehavior: 'exclusive',
    });
  });

  it('multiplies by the seats, and charges nothing until a trial ends', () => {
    expect(checkoutTerms({ ...starter, unitAmount: 1200, trialPeriodDays: 14 }, 3, now, included)).toMatchObject({
      dueToday: 0,
      dueTodayTaxes: [],
      recurringAmount: 3600,
      recurringFrom: new Date('2026-12-20T08:00:00Z'),
    });
  });

  it('has no fixed renewal amount for usage billed in arrears, and no terms for a one-off price', () => {
    expect(checkoutTerms({ ...starter, metered: true, unitAmount: 20 }, 1, now, included)).toMatchObject({ dueToday: 0, recurringAmount: null, recurringNet: null });
    expect(checkoutTerms({ ...starter, interval: null }, 1, now, included)).toBeNull();
  });
});
