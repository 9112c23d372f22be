import { describe, expect, it } from 'vitest';
import type { CapacityPlan } from '@/db/queries/usage-plan';
import { computeUsageLimits, devicesFor, freeTierEnd } from './compute-limits';

const signUp = new Date('2026-03-10T09:00:00Z');
const free: CapacityPlan = { productName: 'Free', tier: 'free', priceLookupKey: 'seikyu_free_monthly', deviceLimit: 1 };
const starter: CapacityPlan = { productName: 'Starter', tier: 'starter', priceLookupKey: 'seikyu_starter_monthly', deviceLimit: 5 };

describe('computeUsageLimits', () => {
  it('gives the free tier one device during its first year and says when the year ends', () => {
    const limits = computeUsageLimits({ plans: [free], organizationCreatedAt: signUp, inUse: 0, now: new Date('2026-12-01T00:00:00Z') });
    expect(limits).toEqual({
      plan: { productName: 'Free', tier: 'free', priceLookupKey: 'seikyu_free_monthly' },
      capacity: 1,
      inUse: 0,
      devicesInUse: 0,
      remaining: 1,
      overCapacity: false,
      freeTierEndsAt: new Date('2027-03-10T09:00:00Z'),
      passValidUntil: null,
      allowed: true,
    });
  });

  it('refuses a second free device while one runs', () => {
    const limits = computeUsageLimits({ plans: [free], organizationCreatedAt: signUp, inUse: 1, now: new Date('2026-12-01T00:00:00Z') });
    expect(limits.remaining).toBe(0);
    expect(limits.allowed).toBe(false);
  });

  it('allows nothing once the free year has passed without a paid plan', () => {
    const limits = computeUsageLimits({ plans: [free], organizationCreatedAt: signUp, inUse: 0, now: new Date('2027-03-10T09:00:00Z') });
    expect(limits.capacity).toBe(0);
    expect(limits.allowed).toBe(false);
  });

  it('treats an organization without any plan as on the free year', () => {
    const limits = computeUsageLimits({ plans: [], organizationCreatedAt: signUp, inUse: 0, now: new Date('2026-04-01T00:00:00Z') });
    expect(limits.plan).toBeNull();
    expect(limits.capacity).toBe(1);
    expect(limits.allowed).toBe(true);
  });

  it("applies a paid plan's capacity, with no free-year end, even after the first year", () => {
    const limits = computeUsageLimits({ plans: [free, starter], organizationCreatedAt: signUp, inUse: 3, now: new Date('2028-01-01T00:00:00Z') });
    expect(limits.plan?.tier).toBe('starter');
    expect(limits).toMatchObject({ capacity: 5, inUse: 3, remaining: 2, freeTierEndsAt: null, allowed: true });
  });

  it('has no limit on a paid plan without a device limit', () => {
    const unlimited: CapacityPlan = { productName: 'Enterprise', tier: 'enterprise', priceLookupKey: null, deviceLimit: null };
    const limits = computeUsageLimits({ plans: [unlimited], organizationCreatedAt: signUp, inUse: 400, now: signUp });
    expect(limits).toMatchObject({ capacity: null, remaining: null, allowed: true });
  });
});

describe('devices in use', () => {
  const onDemand10: CapacityPlan = { productName: 'On-demand 10 devices', tier: 'on_demand_10', priceLookupKey: 'seikyu_on_demand_device_hours', deviceLimit: 10 };
  const now = new Date('2026-12-07T00:00:00Z');

  it('counts whole devices: half a device-hour is one device running, nine more can start', () => {
    const limits = computeUsageLimits({ plans: [onDemand10], organizationCreatedAt: signUp, inUse: 0.5, now });
    expect(limits).toMatchObject({ inUse: 0.5, devicesInUse: 1, remaining: 9, overCapacity: false, allowed: true });
    expect(computeUsageLimits({ plans: [onDemand10], organizationCreatedAt: signUp, inUse: 9.25, now })).toMatchObject({ devicesInUse: 10, remaining: 0, allowed: false });
  });

  it('says the free limit is exceeded when three devices ran on it, and lets none start', () => {
    const limits = computeUsageLimits({ plans: [free], organizationCreatedAt: signUp, inUse: 3, now });
    expect(limits).toMatchObject({ capacity: 1, inUse: 3, devicesInUse: 3, remaining: 0, overCapacity: true, allowed: false });
  });

  it('is at capacity, not over it, when exactly the capacity runs', () => {
    expect(computeUsageLimits({ plans: [free], organizationCreatedAt: signUp, inUse: 1, now })).toMatchObject({ overCapacity: false, allowed: false });
  });
});

describe('devicesFor', () => {
  it('rounds device-hours up to whole devices, ignoring float noise', () => {
    expect([0, 0.5, 1, 1.0000000000001, 2.2, -1].map(devicesFor)).toEqual([0, 1, 1, 1, 3, 0]);
    expect(devicesFor(0.1 + 0.2 + 0.7)).toBe(1);
  });
});

describe('computeUsageLimits with a 30-day pass', () => {
  const pass30: CapacityPlan = { productName: '30-day pass', tier: 'pass_30d', priceLookupKey: 'seikyu_pass_30d', deviceLimit: 5 };
  const validUntil = new Date('2026-12-31T00:00:00Z');
  const now = new Date('2026-12-07T00:00:00Z');

  it('gives the pass capacity on the free tier while it is valid, naming the pass and keeping the free year', () => {
    const limits = computeUsageLimits({ plans: [free], pass: { validUntil, capacity: pass30 }, organizationCreatedAt: signUp, inUse: 2, now });
    expect(limits).toEqual({
      plan: { productName: '30-day pass', tier: 'pass_30d', priceLookupKey: 'seikyu_pass_30d' },
      capacity: 5,
      inUse: 2,
      devicesInUse: 2,
      remaining: 3,
      overCapacity: false,
      freeTierEndsAt: new Date('2027-03-10T09:00:00Z'),
      passValidUntil: validUntil,
      allowed: true,
    });
  });

  it('gives the pass capacity after the free year too, and nothing once the pass has ended', () => {
    const afterYear = new Date('2027-04-01T00:00:00Z');
    expect(computeUsageLimits({ plans: [free], pass: { validUntil: new Date('2027-04-20T00:00:00Z'), capacity: pass30 }, organizationCreatedAt: signUp, inUse: 0, now: afterYear })).toMatchObject({ capacity: 5, allowed: true });
    const ended = computeUsageLimits({ plans: [free], pass: { validUntil, capacity: pass30 }, organizationCreatedAt: signUp, inUse: 0, now: validUntil });
    expect(ended).toMatchObject({ plan: { tier: 'free' }, capacity: 1, passValidUntil: null });
  });

  it('keeps the larger of a paid plan and the pass', () => {
    const onDemand20: CapacityPlan = { productName: 'On-demand 20 devices', tier: 'on_demand_20', priceLookupKey: 'seikyu_on_demand_20_device_hours', deviceLimit: 20 };
    expect(computeUsageLimits({ plans: [onDemand20], pass: { validUntil, capacity: pass30 }, organizationCreatedAt: signUp, inUse: 0, now })).toMatchObject({
      plan: { tier: 'on_demand_20' },
      capacity: 20,
      freeTierEndsAt: null,
      passValidUntil: validUntil,
    });
    const starter3: CapacityPlan = { ...starter, deviceLimit: 3 };
    expect(computeUsageLimits({ plans: [starter3], pass: { validUntil, capacity: pass30 }, organizationCreatedAt: signUp, inUse: 0, now })).toMatchObject({ plan: { tier: 'pass_30d' }, capacity: 5 });
  });

  it('gives nothing of its own for a pass whose product sets no capacity', () => {
    const limits = computeUsageLimits({ plans: [free], pass: { validUntil, capacity: null }, organizationCreatedAt: signUp, inUse: 0, now });
    expect(limits).toMatchObject({ plan: { tier: 'free' }, capacity: 1, passValidUntil: validUntil });
  });
});

describe('freeTierEnd', () => {
  it('is the same date a year later', () => {
    expect(freeTierEnd(new Date('2026-12-06T10:00:00Z'))).toEqual(new Date('2027-12-06T10:00:00Z'));
  });
});
