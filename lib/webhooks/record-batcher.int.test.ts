// Group commit of the webhook ledger against the run's database: a burst is recorded in groups, every delivery
// learns its own outcome (recorded once, or a duplicate), and one event the database refuses fails alone.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { NewStripeEvent } from '@/db/queries/events';
import { stripeEvents } from '@/db/schema';
import { closeTestDb, resetDatabase, testDb, uniqueSuffix } from '@/test/integration/helpers';
import { MAX_GROUP, recordStripeEvent } from './record-batcher';

const event = (id: string, payload: unknown = { id, object: 'event' }): NewStripeEvent => ({
  id,
  type: 'customer.updated',
  apiVersion: '2026-10-28.endive',
  livemode: false,
  objectId: 'cus_x',
  created: Math.floor(Date.now() / 1000),
  payload,
  dueNow: true,
});

describe('recordStripeEvent (group commit)', () => {
  beforeEach(resetDatabase);
  afterAll(closeTestDb);

  it('records a burst larger than a group once each; a duplicate in the same burst or later is reported as one', async () => {
    const ids = Array.from({ length: MAX_GROUP + 30 }, () => `evt_${uniqueSuffix()}`);
    const burst = [...ids.map((id) => event(id)), event(ids[0]!), event(ids[7]!)];
    const outcomes = await Promise.all(burst.map((e) => recordStripeEvent(e)));
    expect(outcomes.slice(0, ids.length).every(Boolean)).toBe(true);
    expect(outcomes.slice(ids.length)).toEqual([false, false]);
    expect(await recordStripeEvent(event(ids[3]!))).toBe(false);
    const rows = await testDb().select({ id: stripeEvents.id }).from(stripeEvents);
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
  });

  it('fails only the event the database refuses; the rest of its group is recorded', async () => {
    const good = Array.from({ length: 5 }, () => `evt_${uniqueSuffix()}`);
    // jsonb refuses the NUL character, so this row fails the group's statement.
    const bad = event(`evt_${uniqueSuffix()}`, { id: 'x', note: 'nul \u0000 here' });
    const results = await Promise.allSettled([...good.map((id) => recordStripeEvent(event(id))), recordStripeEvent(bad), recordStripeEvent(event(good[0]!))]);
    expect(results.slice(0, 5).map((r) => r.status === 'fulfilled' && r.value)).toEqual([true, true, true, true, true]);
    expect(results[5]!.status).toBe('rejected');
    expect(results[6]).toEqual({ status: 'fulfilled', value: false });
    const rows = await testDb().select({ id: stripeEvents.id }).from(stripeEvents);
    expect(rows.map((r) => r.id).sort()).toEqual([...good].sort());
  });
});
