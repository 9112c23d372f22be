// The webhook events page reads the ledger a page at a time: newest first, with the count its pager needs.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { stripeEvents } from '@/db/schema';
import { closeTestDb, resetDatabase, testDb } from '@/test/integration/helpers';
import { countStripeEvents, listStripeEvents } from './events';

describe('the events page’s reads', () => {
  beforeEach(resetDatabase);
  afterAll(closeTestDb);

  it('pages the ledger newest first and counts it, in one status or all', async () => {
    const at = (i: number) => new Date(Date.UTC(2027, 0, 1, 0, i));
    await testDb()
      .insert(stripeEvents)
      .values(
        Array.from({ length: 7 }, (_, i) => ({
          id: `evt_${i}`,
          type: 'invoice.paid',
          stripeCreated: at(i),
          receivedAt: at(i),
          status: i % 3 === 0 ? ('failed' as const) : ('processed' as const),
          payload: {},
        })),
      );
    expect(await countStripeEvents({})).toBe(7);
    expect(await countStripeEvents({ status: 'failed' })).toBe(3);
    expect((await listStripeEvents({ limit: 3 })).map((e) => e.id)).toEqual(['evt_6', 'evt_5', 'evt_4']);
    expect((await listStripeEvents({ limit: 3, offset: 3 })).map((e) => e.id)).toEqual(['evt_3', 'evt_2', 'evt_1']);
    expect((await listStripeEvents({ limit: 3, offset: 6 })).map((e) => e.id)).toEqual(['evt_0']);
    expect((await listStripeEvents({ status: 'failed', limit: 2, offset: 2 })).map((e) => e.id)).toEqual(['evt_0']);
  });
});
