// Billing meters: /v1/billing/meters (create, retrieve, list, update, deactivate, reactivate, event_summaries),
// meter events (`POST /v1/billing/meter_events`, deduplicated by `identifier`) and their cancellation
// (`POST /v1/billing/meter_event_adjustments`); the v2 routes are in v2/billing-meter-events.ts. Metered subscription items
// are billed in arrears from these events (see ../billing/meter-usage.ts).
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import type { Full } from '../core/types.js';
import { newId } from '../core/ids.js';
import { diffAttributes } from '../core/events.js';
import { paginate } from '../http/list.js';
import { listParams, p } from '../http/params.js';
import { invalidRequest, parameterMissing, resourceMissing } from '../http/errors.js';
import { billingOf } from '../billing/wire.js';
import { metersCollection } from '../billing/collections.js';
import { cancelMeterEvent, recordMeterEvent } from '../billing/meter-events.js';
import { aggregate, meterEventsFor } from '../billing/meter-usage.js';

const DAY = 86_400;
const HOUR = 3_600;

export function registerBillingMeters(emu: Emulator): void {
  const engine = billingOf(emu);
  const { router, store } = emu;
  emu.objects.register({ object: 'billing.meter', prefix: 'mtr', collection: metersCollection });
  const meter = (id: string): Stripe.Billing.Meter => {
    const found = store.get(metersCollection, id);
    if (!found) throw resourceMissing('billing.meter', id, 'id');
    return found;
  };

  router.api(
    'POST',
    '/v1/billing/meters',
    {
      display_name: p.required(p.string({ maxLength: 250 })),
      event_name: p.required(p.string({ maxLength: 100 })),
      default_aggregation: p.required(p.object({ formula: p.required(p.enumOf(['count', 'last', 'sum'] as const)) })),
      customer_mapping: p.object({ event_payload_key: p.required(p.string({ maxLength: 100 })), type: p.required(p.enumOf(['by_id'] as const)) }),
      value_settings: p.object({ event_payload_key: p.required(p.string({ maxLength: 100 })) }),
      event_time_window: p.enumOf(['day', 'hour'] as const),
    },
    ({ params }) => {
      if (store.all(metersCollection).some((m) => m.event_name === params.event_name && m.status === 'active')) {
        throw invalidRequest(`An active meter with event_name '${params.event_name}' already exists.`, { param: 'event_name' });
      }
      const now = emu.clock.wallNow();
      const m = {
        id: newId('mtr'),
        object: 'billing.meter',
        created: now,
        customer_mapping: { event_payload_key: params.customer_mapping?.event_payload_key ?? 'stripe_customer_id', type: 'by_id' },
        default_aggregation: { formula: params.default_aggregation.formula },
        display_name: params.display_name,
        event_name: params.event_name,
        event_time_window: params.event_time_window ?? null,
        livemode: false,
        status: 'active',
        status_transitions: { deactivated_at: null },
        updated: now,
        value_settings: { event_payload_key: params.value_settings?.event_payload_key ?? 'value' },
      } satisfies Full<Stripe.Billing.Meter>;
      store.insert(metersCollection, m);
      emu.events.emit('billing.meter.created', m, { customer: null });
      return m;
    },
  );

  router.api('GET', '/v1/billing/meters/:id', {}, ({ path }) => meter(path.id));

  router.api('GET', '/v1/billing/meters', { ...listParams, status: p.enumOf(['active', 'inactive'] as const) }, ({ params, urlPath }) =>
    paginate(store.newestFirst(metersCollection, (m) => !params.status || m.status === params.status), params, urlPath),
  );

  router.api('POST', '/v1/billing/meters/:id', { display_name: p.string({ maxLength: 250 }) }, ({ params, path }) => {
    const before = meter(path.id);
    const after = store.update(metersCollection, before.id, (m) => ({
      ...m,
      display_name: params.display_name ?? m.display_name,
      updated: emu.clock.wallNow(),
    }));
    emu.events.emit('billing.meter.updated', after, { customer: null, previousAttributes: diffAttributes(before, after) });
    return after;
  });

  router.api('POST', '/v1/billing/meters/:id/deactivate', {}, ({ path }) => {
    const before = meter(path.id);
    if (before.status === 'inactive') throw invalidRequest('This meter is already inactive.', { param: 'id' });
    const now = emu.clock.wallNow();
    const after = store.update(metersCollection, before.id, (m) => ({ ...m, status: 'inactive', status_transitions: { deactivated_at: now }, updated: now }));
    emu.events.emit('billing.meter.deactivated', after, { customer: null });
    return after;
  });

  router.api('POST', '/v1/billing/meters/:id/reactivate', {}, ({ path }) => {
    const before = meter(path.id);
    if (before.status === 'active') throw invalidRequest('This meter is already active.', { param: 'id' });
    if (store.all(metersCollection).some((m) => m.id !== before.id && m.status === 'active' && m.event_name === before.event_name)) {
      throw invalidRequest(`Another active meter already uses event_name '${before.event_name}'.`, { param: 'id' });
    }
    const now = emu.clock.wallNow();
    const after = store.update(metersCollection, before.id, (m) => ({ ...m, status: 'active', status_transitions: { deactivated_at: null }, updated: now }));
    emu.events.emit('billing.meter.reactivated', after, { customer: null });
    return after;
  });

  router.api(
    'GET',
    '/v1/billing/meters/:id/event_summaries',
    {
      ...listParams,
      customer: p.required(p.string()),
      start_time: p.required(p.timestamp()),
      end_time: p.required(p.timestamp()),
      value_grouping_window: p.enumOf(['day', 'hour'] as const),
      customer_account: p.unsupported(),
    },
    ({ params, path, urlPath }) => {
      const m = meter(path.id);
      engine.ports.customers.customer(params.customer, 'customer');
      if (params.end_time <= params.start_time) throw invalidRequest('end_time must be after start_time.', { param: 'end_time' });
      // Stripe: start_time and end_time are always aligned with minute boundaries; with a grouping window, with
      // hour boundaries (hour) or UTC day boundaries (day).
      for (const field of ['start_time', 'end_time'] as const) {
        if (params[field] % 60 !== 0) throw invalidRequest(`${field} must be aligned with minute boundaries.`, { param: field });
      }
      const step = params.value_grouping_window === 'day' ? DAY : params.value_grouping_window === 'hour' ? HOUR : null;
      if (step !== null && (params.start_time % step !== 0 || params.end_time % step !== 0)) {
        throw invalidRequest(`start_time and end_time must be aligned to ${params.value_grouping_window === 'day' ? 'UTC day' : 'hour'} boundaries.`, {
          param: params.start_time % step !== 0 ? 'start_time' : 'end_time',
        });
      }
      const windows: { start: number; end: number }[] = [];
      if (step === null) windows.push({ start: params.start_time, end: params.end_time });
      else for (let t = params.start_time; t < params.end_time; t += step) windows.push({ start: t, end: Math.min(t + step, params.end_time) });
      const formula = m.default_aggregation.formula;
      const summaries = windows.map((w) => {
        const summary = {
          id: `mtrusg_${m.id.slice(4)}_${w.start}`,
          object: 'billing.meter_event_summary',
          aggregated_value: aggregate(formula, meterEventsFor(engine, m.event_name, params.customer, w)),
          end_time: w.end,
          livemode: false,
          meter: m.id,
          start_time: w.start,
        } satisfies Full<Stripe.Billing.MeterEventSummary>;
        return summary;
      });
      return paginate(summaries, params, urlPath);
    },
  );

  router.api(
    'POST',
    '/v1/billing/meter_events',
    {
      event_name: p.required(p.string({ maxLength: 100 })),
      payload: p.required(p.record(p.string())),
      identifier: p.string({ maxLength: 100 }),
      timestamp: p.timestamp(),
    },
    ({ params }) => {
      const stored = recordMeterEvent(engine, { eventName: params.event_name, payload: params.payload, identifier: params.identifier, timestamp: params.timestamp });
      const { created: now, identifier, timestamp } = stored;
      const event = {
        object: 'billing.meter_event',
        created: now,
        event_name: params.event_name,
        identifier,
        livemode: false,
        payload: params.payload,
        timestamp,
      } satisfies Full<Stripe.Billing.MeterEvent>;
      return event;
    },
  );

  // Cancel a meter event by its identifier (the only adjustment type). Applied at once; Stripe answers `pending`
  // and applies it shortly after.
  router.api(
    'POST',
    '/v1/billing/meter_event_adjustments',
    {
      event_name: p.required(p.string({ maxLength: 100 })),
      type: p.required(p.enumOf(['cancel'] as const)),
      cancel: p.object({ identifier: p.string({ maxLength: 100 }) }),
    },
    ({ params }) => {
      const identifier = params.cancel?.identifier;
      if (!identifier) throw parameterMissing('cancel[identifier]');
      cancelMeterEvent(engine, params.event_name, identifier);
      return {
        object: 'billing.meter_event_adjustment',
        cancel: { identifier },
        event_name: params.event_name,
        livemode: false,
        status: 'pending',
        type: 'cancel',
      } satisfies Full<Stripe.Billing.MeterEventAdjustment>;
    },
  );
}
