// Recording and cancelling meter events — one path for every way they arrive: v1 `POST /v1/billing/meter_events`,
// v2 `POST /v2/billing/meter_events` and the v2 meter event stream. A cancelled event (a meter event adjustment
// of type `cancel`) stays stored with `canceled_at` and no longer counts anywhere: event summaries and the
// metered lines of invoices both aggregate through meter-usage.ts, which skips it.
import type { BillingCore } from './engine-core.js';
import { meterEventsCollection, metersCollection, type StoredMeterEvent } from './collections.js';
import { invalidRequest, parameterMissing } from '../http/errors.js';
import { randomToken } from '../core/ids.js';

const DAY = 86_400;

/** Stripe accepts a cancellation within 24 hours of receiving the event. */
export const CANCEL_WINDOW_SECONDS = DAY;

export interface MeterEventInput {
  eventName: string;
  payload: Record<string, string>;
  identifier?: string;
  /** Unix seconds; defaults to now on the customer's clock. */
  timestamp?: number;
  /** How params are named in errors: `payload[x]` (v1) or `payload.x` (v2), with a prefix for stream events. */
  param?: (field: string) => string;
}

const v1Param = (field: string): string => field;

/** Validates a meter event without recording it (the stream validates all its events before recording any). */
export function checkMeterEvent(engine: BillingCore, input: MeterEventInput): StoredMeterEvent {
  const param = input.param ?? v1Param;
  const meter = engine.store.all(metersCollection).find((x) => x.event_name === input.eventName && x.status === 'active');
  if (!meter) {
    throw invalidRequest(`No active meter was found for event_name '${input.eventName}'. Create the meter first.`, { param: param('event_name') });
  }
  const customerKey = meter.customer_mapping.event_payload_key;
  const customerId = input.payload[customerKey];
  if (!customerId) throw parameterMissing(param(`payload[${customerKey}]`));
  engine.ports.customers.customer(customerId, param(`payload[${customerKey}]`));
  const valueKey = meter.value_settings.event_payload_key;
  const raw = input.payload[valueKey];
  let value = 1;
  if (meter.default_aggregation.formula !== 'count') {
    if (raw === undefined) throw parameterMissing(param(`payload[${valueKey}]`));
    if (!/^-?\d+(\.\d+)?$/.test(raw)) {
      throw invalidRequest(`payload[${valueKey}] must be a number, got '${raw}'.`, { param: param(`payload[${valueKey}]`) });
    }
    value = Number(raw);
  }
  const now = engine.now(customerId);
  const timestamp = input.timestamp ?? now;
  if (timestamp < now - 35 * DAY || timestamp > now + 5 * 60) {
    throw invalidRequest('timestamp must be within the past 35 days and no more than 5 minutes in the future.', { param: param('timestamp') });
  }
  const identifier = input.identifier ?? randomToken(24);
  const key = `${input.eventName}:${identifier}`;
  if (engine.store.has(meterEventsCollection, key)) {
    throw invalidRequest(`An event already exists with identifier '${identifier}'. Identifiers must be unique.`, { param: param('identifier') });
  }
  return { id: key, event_name: input.eventName, identifier, customer: customerId, value, timestamp, created: now, payload: input.payload, canceled_at: null };
}

export function recordMeterEvent(engine: BillingCore, input: MeterEventInput): StoredMeterEvent {
  return engine.store.insert(meterEventsCollection, checkMeterEvent(engine, input));
}

/**
 * Cancels the event with this identifier (a `cancel` meter event adjustment). The emulator applies it at once
 * and refuses what Stripe would only report later (an unknown identifier, an event already cancelled, one
 * received more than 24 hours ago), so a mistake shows up in the caller's test instead of in a dashboard.
 */
export function cancelMeterEvent(engine: BillingCore, eventName: string, identifier: string, param: (field: string) => string = v1Param): StoredMeterEvent {
  if (!engine.store.all(metersCollection).some((m) => m.event_name === eventName)) {
    throw invalidRequest(`No meter was found for event_name '${eventName}'.`, { param: param('event_name') });
  }
  const key = `${eventName}:${identifier}`;
  const event = engine.store.get(meterEventsCollection, key);
  if (!event) throw invalidRequest(`No meter event with identifier '${identifier}' was found for event_name '${eventName}'.`, { param: param('cancel[identifier]'), code: 'resource_missing' });
  if (event.canceled_at !== null && event.canceled_at !== undefined) {
    throw invalidRequest(`The meter event with identifier '${identifier}' has already been cancelled.`, { param: param('cancel[identifier]') });
  }
  const now = engine.now(event.customer);
  if (now - event.created > CANCEL_WINDOW_SECONDS) {
    throw invalidRequest(`The meter event with identifier '${identifier}' was received more than 24 hours ago and can no longer be cancelled.`, {
      param: param('cancel[identifier]'),
    });
  }
  return engine.store.update(meterEventsCollection, key, (cur) => ({ ...cur, canceled_at: now }));
}
