// Aggregates meter events for billing: sum, count or last value of a customer's events in [start, end),
// cancelled events excluded.
import type { BillingCore } from './engine-core.js';
import { meterEventsCollection, metersCollection, type StoredMeterEvent } from './collections.js';
import type { Period } from './periods.js';

export function aggregate(formula: string, events: StoredMeterEvent[]): number {
  if (events.length === 0) return 0;
  if (formula === 'count') return events.length;
  if (formula === 'last') {
    let last = events[0];
    for (const e of events) if (e.timestamp > last.timestamp || (e.timestamp === last.timestamp && e.created >= last.created)) last = e;
    return last.value;
  }
  return events.reduce((sum, e) => sum + e.value, 0);
}

export function meterEventsFor(engine: BillingCore, eventName: string, customer: string, period: Period): StoredMeterEvent[] {
  return engine.store
    .all(meterEventsCollection)
    // Cancelled events (meter event adjustments) count nowhere: not in summaries, not on invoices.
    .filter((e) => e.event_name === eventName && e.customer === customer && e.timestamp >= period.start && e.timestamp < period.end && !e.canceled_at);
}

/** The billable quantity of a meter for a customer over a period (0 when the meter does not exist). */
export function usageForPeriod(engine: BillingCore, meterId: string, customer: string, period: Period): number {
  const meter = engine.store.get(metersCollection, meterId);
  if (!meter) return 0;
  return aggregate(meter.default_aggregation.formula, meterEventsFor(engine, meter.event_name, customer, period));
}
