// Test clocks: /v1/test_helpers/test_clocks create, retrieve, list, delete, advance. Advancing answers at once
// with status `advancing`, then runs every job the clock's time drives (trial ends, renewals, finalization,
// payment retries, due dates...) in time order, moving `frozen_time` to each job's time, and ends `ready`.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { testClocksCollection } from '../core/collections.js';
import type { Full } from '../core/types.js';
import { newId } from '../core/ids.js';
import { paginate } from '../http/list.js';
import { listParams, p } from '../http/params.js';
import { invalidRequest, resourceMissing } from '../http/errors.js';
import { billingOf } from '../billing/wire.js';
import { subscriptionsCollection } from '../billing/collections.js';
import { addIntervals, compareRecurrence, type Recurrence } from '../billing/periods.js';

const THIRTY_DAYS = 30 * 86_400;

export function registerTestClocks(emu: Emulator): void {
  const engine = billingOf(emu);
  const { router, store } = emu;
  const clock = (id: string): Stripe.TestHelpers.TestClock => {
    const found = store.get(testClocksCollection, id);
    if (!found) throw resourceMissing('test_clock', id, 'test_clock');
    return found;
  };

  router.api('POST', '/v1/test_helpers/test_clocks', { frozen_time: p.required(p.timestamp()), name: p.string({ maxLength: 300 }), customer: p.unsupported() }, ({ params }) => {
    const created = emu.clock.wallNow();
    const tc = {
      id: newId('clock'),
      object: 'test_helpers.test_clock',
      created,
      deletes_after: created + THIRTY_DAYS,
      frozen_time: params.frozen_time,
      livemode: false,
      name: params.name ?? null,
      status: 'ready',
      status_details: {},
    } satisfies Full<Stripe.TestHelpers.TestClock, 'deleted'>;
    store.insert(testClocksCollection, tc);
    emu.events.emit('test_helpers.test_clock.created', tc, { customer: null });
    return tc;
  });

  router.api('GET', '/v1/test_helpers/test_clocks/:id', {}, ({ path }) => clock(path.id));

  router.api('GET', '/v1/test_helpers/test_clocks', { ...listParams }, ({ params, urlPath }) =>
    paginate(store.newestFirst(testClocksCollection), params, urlPath),
  );

  router.api('DELETE', '/v1/test_helpers/test_clocks/:id', {}, ({ path }) => {
    const tc = clock(path.id);
    if (tc.status === 'advancing') {
      throw invalidRequest('This test clock is advancing; wait until it is ready before deleting it.', { code: 'test_clock_advancing' });
    }
    // Stripe deletes everything attached to the clock: its customers (and so their subscriptions).
    for (const customer of engine.ports.customers.customersOfTestClock(tc.id)) engine.ports.customers.deleteCustomer(customer.id);
    emu.scheduler.cancelClock(tc.id);
    store.delete(testClocksCollection, tc.id);
    emu.events.emit('test_helpers.test_clock.deleted', tc, { customer: null });
    const deleted: Stripe.TestHelpers.DeletedTestClock = { id: tc.id, object: 'test_helpers.test_clock', deleted: true };
    return deleted;
  });

  router.api('POST', '/v1/test_helpers/test_clocks/:id/advance', { frozen_time: p.required(p.timestamp()) }, ({ params, path }) => {
    const tc = clock(path.id);
    if (tc.status !== 'ready') {
      throw invalidRequest(`The test clock ${tc.id} is ${tc.status}; wait until it is ready to advance it again.`, {
        code: 'test_clock_advancing',
      });
    }
    const target = params.frozen_time;
    if (target <= tc.frozen_time) {
      throw invalidRequest('The frozen_time must be after the test clock\'s current frozen time; test clocks only move forward.', {
        param: 'frozen_time',
      });
    }
    const limit = advanceLimit(tc);
    if (target > limit) {
      throw invalidRequest(
        `Cannot advance more than two intervals of the shortest subscription on this test clock (or two years without one): the latest allowed frozen_time is ${limit}.`,
        { param: 'frozen_time' },
      );
    }
    const advancing = store.update(testClocksCollection, tc.id, (c) => ({
      ...c,
      status: 'advancing',
      status_details: { advancing: { target_frozen_time: target } },
    }));
    emu.events.emit('test_helpers.test_clock.advancing', advancing, { customer: null });
    setImmediate(() => void runAdvance(tc.id, target));
    return advancing;
  });

  /** Two intervals of the shortest live subscription on the clock; two years when there is none. */
  function advanceLimit(tc: Stripe.TestHelpers.TestClock): number {
    let shortest: Recurrence | null = null;
    for (const sub of store.all(subscriptionsCollection)) {
      if (sub.test_clock !== tc.id || sub.status === 'canceled' || sub.status === 'incomplete_expired') continue;
      const first = engine.subscriptionItems(sub.id)[0];
      if (!first) continue;
      const r = engine.recurrenceOf(first.price);
      if (!shortest || compareRecurrence(r, shortest) < 0) shortest = r;
    }
    return addIntervals(tc.frozen_time, shortest ?? { interval: 'year', interval_count: 1 }, 2);
  }

  async function runAdvance(id: string, target: number): Promise<void> {
    try {
      await emu.scheduler.runDue(id, target, (at) => {
        const current = store.get(testClocksCollection, id);
        if (current && at > current.frozen_time) store.insert(testClocksCollection, { ...current, frozen_time: at });
      });
      const done = store.get(testClocksCollection, id);
      if (!done) return;
      const ready = { ...done, frozen_time: target, status: 'ready', status_details: {} } satisfies Stripe.TestHelpers.TestClock;
      store.insert(testClocksCollection, ready);
      emu.events.emit('test_helpers.test_clock.ready', ready, { customer: null });
    } catch (error) {
      emu.logError(`advancing test clock ${id} failed`, error);
      const failed = store.get(testClocksCollection, id);
      if (failed) {
        const broken = { ...failed, status: 'internal_failure', status_details: {} } satisfies Stripe.TestHelpers.TestClock;
        store.insert(testClocksCollection, broken);
        emu.events.emit('test_helpers.test_clock.internal_failure', broken, { customer: null });
      }
    }
  }
}
