// The usage contract's queries on a real database: batch insert with duplicates, exact totals, day buckets in
// the organization's time zone (empty ones included), hour buckets, and one organization never seeing another's.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { organizations, stripePrices, stripeProducts, stripeSubscriptionItems, stripeSubscriptions } from '@/db/schema';
import { closeTestDb, resetDatabase, testDb } from '@/test/integration/helpers';
import { usageLimitsFor } from '@/lib/usage/limits';
import { insertUsageEvents, usageBucketSeries, usageBuckets, usageTotal, type NewUsageEvent } from './usage-events';

async function organization(name: string, timeZone = 'Asia/Tokyo', createdAt = new Date()) {
  const [row] = await testDb().insert(organizations).values({ name, currency: 'jpy', billingEmail: `${name}@example.com`, timeZone, createdAt }).returning();
  return row!;
}

const event = (identifier: string, at: string, value: string, meter = 'device_hours'): NewUsageEvent => ({ meter, value, occurredAt: new Date(at), identifier });

describe('usage events', () => {
  beforeEach(resetDatabase);
  afterAll(closeTestDb);

  it('stores a batch once: repeated identifiers (in the batch or from before) are duplicates', async () => {
    const org = await organization('acme');
    const first = await insertUsageEvents({ organizationId: org.id, events: [event('a', '2026-12-01T00:10:00Z', '2'), event('b', '2026-12-01T00:20:00Z', '1.5'), event('a', '2026-12-01T00:30:00Z', '9')] });
    expect(first).toBe(2);
    const again = await insertUsageEvents({ organizationId: org.id, events: [event('b', '2026-12-01T00:20:00Z', '1.5'), event('c', '2026-12-01T00:40:00Z', '0.25')] });
    expect(again).toBe(1);
    expect(await usageTotal({ organizationId: org.id, meter: 'device_hours', start: new Date('2026-12-01T00:00:00Z'), end: new Date('2026-12-02T00:00:00Z') })).toBe(3.75);
  });

  it('lets two organizations use the same identifier, and never counts one in the other', async () => {
    const a = await organization('a');
    const b = await organization('b');
    expect(await insertUsageEvents({ organizationId: a.id, events: [event('same', '2026-12-01T00:10:00Z', '5')] })).toBe(1);
    expect(await insertUsageEvents({ organizationId: b.id, events: [event('same', '2026-12-01T00:10:00Z', '7')] })).toBe(1);
    const range = { meter: 'device_hours', start: new Date('2026-12-01T00:00:00Z'), end: new Date('2026-12-02T00:00:00Z') };
    expect(await usageTotal({ organizationId: a.id, ...range })).toBe(5);
    expect(await usageTotal({ organizationId: b.id, ...range })).toBe(7);
  });

  it('buckets days at midnight in the organization time zone, empty days included, adding up to the total', async () => {
    const org = await organization('tokyo');
    await insertUsageEvents({
      organizationId: org.id,
      events: [
        // 2026-12-01 23:30 UTC is 2 December 08:30 in Tokyo.
        event('1', '2026-12-01T23:30:00Z', '4'),
        // 2026-12-01 14:59 UTC is still 1 December (23:59) in Tokyo.
        event('2', '2026-12-01T14:59:00Z', '1'),
        event('3', '2026-12-03T16:00:00Z', '2'),
        event('other-meter', '2026-12-01T23:30:00Z', '100', 'diagnosis_requests'),
      ],
    });
    const start = new Date('2026-11-30T15:00:00Z'); // 1 December 00:00 in Tokyo
    const end = new Date('2026-12-04T15:00:00Z'); // 5 December 00:00 in Tokyo
    const buckets = await usageBuckets({ organizationId: org.id, meter: 'device_hours', start, end, granularity: 'day', timeZone: 'Asia/Tokyo' });
    expect(buckets).toEqual([
      { start: new Date('2026-11-30T15:00:00Z'), end: new Date('2026-12-01T15:00:00Z'), value: 1 },
      { start: new Date('2026-12-01T15:00:00Z'), end: new Date('2026-12-02T15:00:00Z'), value: 4 },
      { start: new Date('2026-12-02T15:00:00Z'), end: new Date('2026-12-03T15:00:00Z'), value: 0 },
      { start: new Date('2026-12-03T15:00:00Z'), end: new Date('2026-12-04T15:00:00Z'), value: 2 },
    ]);
    expect(await usageTotal({ organizationId: org.id, meter: 'device_hours', start, end })).toBe(7);
  });

  it('buckets hours and clips the first and last bucket to the range asked for', async () => {
    const org = await organization('utc', 'UTC');
    await insertUsageEvents({ organizationId: org.id, events: [event('1', '2026-12-01T10:05:00Z', '1'), event('2', '2026-12-01T10:45:00Z', '2'), event('3', '2026-12-01T11:10:00Z', '3')] });
    const buckets = await usageBuckets({
      organizationId: org.id,
      meter: 'device_hours',
      start: new Date('2026-12-01T10:30:00Z'),
      end: new Date('2026-12-01T12:00:00Z'),
      granularity: 'hour',
      timeZone: 'UTC',
    });
    expect(buckets).toEqual([
      { start: new Date('2026-12-01T10:30:00Z'), end: new Date('2026-12-01T11:00:00Z'), value: 2 },
      { start: new Date('2026-12-01T11:00:00Z'), end: new Date('2026-12-01T12:00:00Z'), value: 3 },
    ]);
  });

  it('has 23- and 25-hour days across a daylight-saving change', async () => {
    const org = await organization('ny', 'America/New_York');
    const buckets = await usageBuckets({
      organizationId: org.id,
      meter: 'device_hours',
      start: new Date('2026-11-01T04:00:00Z'), // 1 November 00:00 EDT; clocks go back at 02:00
      end: new Date('2026-11-03T05:00:00Z'),
      granularity: 'day',
      timeZone: 'America/New_York',
    });
    expect(buckets.map((b) => (b.end.getTime() - b.start.getTime()) / 3_600_000)).toEqual([25, 24]);
  });

  it('answers several meters and ranges in one statement as each would alone, in the order asked, empty ranges empty', async () => {
    const org = await organization('series');
    const other = await organization('other');
    await insertUsageEvents({
      organizationId: org.id,
      events: [
        event('1', '2026-11-20T01:00:00Z', '3'),
        event('2', '2026-12-01T23:30:00Z', '4'),
        // 1 December 23:30 and 2 December 01:00 UTC are both 2 December in Tokyo.
        event('3', '2026-12-02T01:00:00Z', '0.5'),
        event('4', '2026-12-02T02:00:00Z', '7', 'diagnosis_requests'),
      ],
    });
    await insertUsageEvents({ organizationId: other.id, events: [event('1', '2026-12-02T01:00:00Z', '1000')] });
    const tokyo = { organizationId: org.id, granularity: 'day' as const, timeZone: 'Asia/Tokyo' };
    const thisPeriod = { start: new Date('2026-11-30T15:00:00Z'), end: new Date('2026-12-03T15:00:00Z') };
    const lastPeriod = { start: new Date('2026-11-18T15:00:00Z'), end: new Date('2026-11-21T15:00:00Z') };
    const series = [
      { meter: 'device_hours', ...thisPeriod },
      { meter: 'device_hours', ...lastPeriod },
      { meter: 'diagnosis_requests', start: thisPeriod.end, end: thisPeriod.end },
      { meter: 'diagnosis_requests', ...thisPeriod },
    ];
    const together = await usageBucketSeries({ ...tokyo, series });
    const alone = await Promise.all(series.map((s) => usageBuckets({ ...tokyo, ...s })));
    expect(together).toEqual(alone);
    expect(together.map((buckets) => buckets.map((b) => b.value))).toEqual([[0, 4.5, 0], [0, 3, 0], [], [0, 7, 0]]);
  });
});

describe('usageLimitsFor', () => {
  beforeEach(resetDatabase);
  afterAll(closeTestDb);

  it('reads the running plan capacity from the mirror and counts this hour of device-hours as in use', async () => {
    const org = await organization('plan');
    const db = testDb();
    const created = new Date('2026-11-01T00:00:00Z');
    await db.insert(stripeProducts).values({ id: 'prod_starter', active: true, name: 'Starter', metadata: { seikyu_tier: 'starter', seikyu_device_limit: '5', name_ja: 'スターター' }, stripeCreated: created, data: {} });
    await db.insert(stripePrices).values({ id: 'price_starter', productId: 'prod_starter', active: true, currency: 'jpy', unitAmount: 1500, type: 'recurring', billingScheme: 'per_unit', lookupKey: 'seikyu_starter_monthly', stripeCreated: created, data: {} });
    await db.insert(stripeSubscriptions).values({ id: 'sub_1', customerId: 'cus_1', organizationId: org.id, status: 'active', collectionMethod: 'charge_automatically', currency: 'jpy', stripeCreated: created, data: {} });
    await db.insert(stripeSubscriptionItems).values({ id: 'si_1', subscriptionId: 'sub_1', priceId: 'price_starter', quantity: 1, currentPeriodStart: created, currentPeriodEnd: new Date('2026-12-01T00:00:00Z'), stripeCreated: created, data: {} });
    const now = new Date('2026-12-06T10:30:00Z');
    await insertUsageEvents({
      organizationId: org.id,
      events: [event('dev-1-10h', '2026-12-06T10:00:00Z', '1'), event('dev-2-10h', '2026-12-06T10:00:00Z', '1'), event('dev-1-09h', '2026-12-06T09:00:00Z', '1')],
    });

    const limits = await usageLimitsFor(org.id, { now, locale: 'ja' });
    expect(limits).toEqual({
      plan: { productName: 'スターター', tier: 'starter', priceLookupKey: 'seikyu_starter_monthly' },
      capacity: 5,
      inUse: 2,
      devicesInUse: 2,
      remaining: 3,
      overCapacity: false,
      freeTierEndsAt: null,
      passValidUntil: null,
      allowed: true,
    });
  });
});
