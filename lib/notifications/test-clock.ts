// test_helpers.test_clock.* events: record the clock's frozen time, then scan the customers on that clock at
// their new "now". This is how advancing a test clock drives the time-based emails in tests and in the demo.
import type Stripe from 'stripe';
import { listCustomerIdsOnTestClock, upsertTestClockTime } from '@/db/queries/test-clocks';
import { scanNotificationMoments } from './scan';

export async function handleTestClockTime(clock: Pick<Stripe.TestHelpers.TestClock, 'id' | 'frozen_time'>): Promise<void> {
  await upsertTestClockTime({ id: clock.id, frozenTime: new Date(clock.frozen_time * 1000) });
  const customerIds = await listCustomerIdsOnTestClock({ testClockId: clock.id });
  if (customerIds.length > 0) await scanNotificationMoments({ customerIds });
}
