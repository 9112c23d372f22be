// Meters v2: /v2/billing/meter_events (one event, synchronous), /v2/billing/meter_event_session (a 15-minute
// token) and /v2/billing/meter_event_stream (batches, authenticated with that token instead of the secret key),
// and /v2/billing/meter_event_adjustments (cancel by identifier). All record through billing/meter-events.ts,
// so events from any of them count in event summaries and metered invoice lines alike.
//
// The SDK sends the stream to its `meter_events` API base (meter-events.stripe.com) — unless the client was
// given a `host`, which stripe-node applies to every API base: a client pointed at the emulator (as
// lib/stripe/client.ts does) reaches these routes with no further setting.
import type Stripe from 'stripe';
import type { Emulator } from '../../emulator.js';
import { defineCollection } from '../../core/store.js';
import { newId, randomToken } from '../../core/ids.js';
import { StripeError, invalidRequest } from '../../http/errors.js';
import { p } from '../../http/params.js';
import { billingOf } from '../../billing/wire.js';
import { cancelMeterEvent, checkMeterEvent, recordMeterEvent } from '../../billing/meter-events.js';
import { meterEventsCollection } from '../../billing/collections.js';

/** Stripe's meter event sessions last 15 minutes. */
export const METER_EVENT_SESSION_SECONDS = 15 * 60;

interface StoredSession {
  /** The `ek_test_…` authentication token. */
  id: string;
  session: string;
  /** Unix seconds, wall time. */
  expires_at: number;
}
export const meterEventSessionsCollection = defineCollection<StoredSession>('_meter_event_sessions');
const sessionsCollection = meterEventSessionsCollection;

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();

/** A v2 timestamp (RFC 3339) as Unix seconds. */
function secondsOf(value: string, param: string): number {
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms)) throw invalidRequest(`${param} must be an RFC 3339 timestamp, got '${value}'.`, { param });
  return Math.floor(ms / 1000);
}

/** v2 names nested params with dots: `payload.value`, `events[0].payload.value`. */
const dotted = (prefix: string) => (field: string): string => `${prefix}${field.replace(/\[([^\]]+)\]/g, '.$1')}`;

const eventParams = {
  event_name: p.required(p.string({ maxLength: 100 })),
  payload: p.required(p.record(p.string())),
  identifier: p.string({ maxLength: 100 }),
  timestamp: p.string(),
};

export function registerV2BillingMeterEvents(emu: Emulator): void {
  const engine = billingOf(emu);
  const { router, store } = emu;

  const v2Event = (stored: { event_name: string; identifier: string; payload: Record<string, string>; timestamp: number; created: number }): Stripe.V2.Billing.MeterEvent => ({
    object: 'v2.billing.meter_event',
    created: iso(stored.created),
    event_name: stored.event_name,
    identifier: stored.identifier,
    livemode: false,
    payload: stored.payload,
    timestamp: iso(stored.timestamp),
  });

  router.v2('POST', '/v2/billing/meter_events', eventParams, ({ params }) =>
    v2Event(
      recordMeterEvent(engine, {
        eventName: params.event_name,
        payload: params.payload,
        identifier: params.identifier,
        timestamp: params.timestamp === undefined ? undefined : secondsOf(params.timestamp, 'timestamp'),
        param: dotted(''),
      }),
    ),
  );

  router.v2('POST', '/v2/billing/meter_event_session', {}, () => {
    const created = emu.clock.wallNow();
    const session: StoredSession = { id: `ek_test_${randomToken(32)}`, session: newId('mes'), expires_at: created + METER_EVENT_SESSION_SECONDS };
    store.insert(sessionsCollection, session);
    // Expired sessions are dropped as new ones are made, so the collection stays small.
    for (const old of store.all(sessionsCollection)) if (old.expires_at <= created) store.delete(sessionsCollection, old.id);
    return {
      id: session.session,
      object: 'v2.billing.meter_event_session',
      authentication_token: session.id,
      created: iso(created),
      expires_at: iso(session.expires_at),
      livemode: false,
    } satisfies Stripe.V2.Billing.MeterEventSession;
  });

  router.v2(
    'POST',
    '/v2/billing/meter_event_stream',
    { events: p.required(p.array(p.object(eventParams), { maxLength: 100 })) },
    ({ params, auth }) => {
      if (auth.kind !== 'session') {
        throw new StripeError(401, 'authentication_error', 'The meter event stream is authenticated with a meter event session token (POST /v2/billing/meter_event_session), not an API key.', {
          code: 'unauthorized',
        });
      }
      const session = store.get(sessionsCollection, auth.key);
      if (!session) throw new StripeError(401, 'authentication_error', 'Invalid meter event session token.', { code: 'unauthorized' });
      if (emu.clock.wallNow() >= session.expires_at) {
        throw new StripeError(401, 'temporary_session_expired', 'The meter event session has expired. Create a new session with POST /v2/billing/meter_event_session.', {
          code: 'billing_meter_event_session_expired',
        });
      }
      if (params.events.length === 0) throw invalidRequest('events must contain at least one event.', { param: 'events' });
      // All or nothing: every event is checked (identifiers against each other too) before any is recorded.
      const checked = params.events.map((event, i) =>
        checkMeterEvent(engine, {
          eventName: event.event_name,
          payload: event.payload,
          identifier: event.identifier,
          timestamp: event.timestamp === undefined ? undefined : secondsOf(event.timestamp, `events[${i}].timestamp`),
          param: dotted(`events[${i}].`),
        }),
      );
      const seen = new Set<string>();
      checked.forEach((event, i) => {
        if (seen.has(event.id)) throw invalidRequest(`An event already exists with identifier '${event.identifier}'. Identifiers must be unique.`, { param: `events[${i}].identifier` });
        seen.add(event.id);
      });
      for (const event of checked) store.insert(meterEventsCollection, event);
      return {};
    },
    { sessionToken: true },
  );

  router.v2(
    'POST',
    '/v2/billing/meter_event_adjustments',
    {
      event_name: p.required(p.string({ maxLength: 100 })),
      type: p.required(p.enumOf(['cancel'] as const)),
      cancel: p.required(p.object({ identifier: p.required(p.string({ maxLength: 100 })) })),
    },
    ({ params }) => {
      const cancelled = cancelMeterEvent(engine, params.event_name, params.cancel.identifier, (field) => field.replace(/\[([^\]]+)\]/g, '.$1'));
      return {
        id: newId('mtradj'),
        object: 'v2.billing.meter_event_adjustment',
        cancel: { identifier: params.cancel.identifier },
        created: iso(cancelled.canceled_at ?? emu.clock.wallNow()),
        event_name: params.event_name,
        livemode: false,
        status: 'pending',
        type: 'cancel',
      } satisfies Stripe.V2.Billing.MeterEventAdjustment;
    },
  );
}
