// The demo's month of usage: what the usage page reads, stored once however often the demo starts.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { organizations, usageEvents } from '@/db/schema';
import { closeTestDb, resetDatabase, testDb } from '@/test/integration/helpers';
import { usageBucketSeries } from '@/db/queries/usage-events';
import { DEMO_USAGE_DAYS, seedDemoUsageHistory } from './usage-history';

describe('seedDemoUsageHistory', () => {
  beforeEach(resetDatabase);
  afterAll(closeTestDb);

  it('stores a month of both meters once, and only the new days on a later start', async () => {
    const [org] = await testDb().insert(organizations).values({ name: 'Demo Corp', currency: 'jpy', billingEmail: 'demo@example.com' }).returning();
    const now = new Date('2026-12-07T08:00:00Z');
    expect(await seedDemoUsageHistory(testDb(), { organizationId: org!.id, now })).toBe(2 * DEMO_USAGE_DAYS);
    expect(await seedDemoUsageHistory(testDb(), { organizationId: org!.id, now })).toBe(0);
    // Two days later: two more days of both meters.
    expect(await seedDemoUsageHistory(testDb(), { organizationId: org!.id, now: new Date('2026-12-09T08:00:00Z') })).toBe(4);

    // Every day of this month so far has usage on both meters, at noon in Tokyo, weekends lower than weekdays.
    const [devices, diagnoses] = await usageBucketSeries({
      organizationId: org!.id,
      granularity: 'day',
      timeZone: 'Asia/Tokyo',
      series: [
        { meter: 'device_hours', start: new Date('2026-11-30T15:00:00Z'), end: new Date('2026-12-09T15:00:00Z') },
        { meter: 'diagnosis_requests', start: new Date('2026-11-30T15:00:00Z'), end: new Date('2026-12-09T15:00:00Z') },
      ],
    }, testDb());
    expect(devices).toHaveLength(9);
    expect(devices!.every((bucket) => bucket.value > 0)).toBe(true);
    expect(diagnoses!.every((bucket) => bucket.value > 0)).toBe(true);
    // Buckets from 1 December in Tokyo: the 2nd is a Wednesday, the 6th a Sunday.
    expect(devices![5]!.value).toBeLessThan(devices![1]!.value);
    // Not in the future: nothing after the day it ran.
    expect((await testDb().select().from(usageEvents)).every((event) => event.occurredAt.getTime() <= Date.parse('2026-12-09T08:00:00Z'))).toBe(true);
  });
});
