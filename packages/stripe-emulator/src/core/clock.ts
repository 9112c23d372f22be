// Time. Objects of a customer attached to a test clock live at that clock's `frozen_time`; everything else at
// wall-clock time. Always ask the clock (never Date.now()) for a `created`, a period start, a due date.
import type { Store } from './store.js';
import { customersCollection, testClocksCollection } from './collections.js';

export class Clock {
  constructor(private readonly store: Store) {}

  /** Wall-clock unix seconds. */
  wallNow(): number {
    return Math.floor(Date.now() / 1000);
  }

  /** The current time of a test clock (its frozen_time); wall time if the clock does not exist. */
  testClockNow(testClockId: string | null | undefined): number {
    if (!testClockId) return this.wallNow();
    const clock = this.store.get(testClocksCollection, testClockId);
    return clock ? clock.frozen_time : this.wallNow();
  }

  /** The test clock a customer is attached to, if any. */
  testClockOf(customerId: string | null | undefined): string | null {
    if (!customerId) return null;
    const customer = this.store.get(customersCollection, customerId);
    const tc = customer?.test_clock;
    if (!tc) return null;
    return typeof tc === 'string' ? tc : tc.id;
  }

  /** "Now" for objects belonging to `customerId` (its test clock's time, else wall time). */
  now(customerId?: string | null): number {
    return this.testClockNow(this.testClockOf(customerId));
  }
}
