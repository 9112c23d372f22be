// v2 events (`/v2/core/events`): what Stripe sends to event destinations as *thin* notifications. Each event
// is stored whole (type, ISO `created`, `related_object`, `reason`, type-specific `data`) for
// `GET /v2/core/events[/:id]`; a destination receives only the thin part (no `data`) and fetches the rest
// (`fetchEvent()`, `fetchRelatedObject()`). Stored in emit order (lists read it backwards, newest first). A
// failed request's events are never delivered: the dispatcher queues them after the store transaction commits,
// and the stored event rolls back with the request. Emitted through emit-v2-event.ts (this module stays below
// the dispatcher, which reads it).
import type Stripe from 'stripe';
import { defineCollection } from './store.js';

export interface StoredV2Event {
  id: string;
  object: 'v2.core.event';
  type: string;
  /** ISO 8601, as v2 dates are. */
  created: string;
  livemode: false;
  related_object: { id: string; type: string; url: string };
  reason?: Stripe.V2.Core.Event.Reason;
  data?: Record<string, unknown>;
}

export const v2EventsCollection = defineCollection<StoredV2Event>('v2_events');

/** The event as `GET /v2/core/events/:id` answers it. */
export function renderV2Event(event: StoredV2Event): Stripe.V2.Core.Event {
  return event as unknown as Stripe.V2.Core.Event;
}

/** The thin notification an event destination receives: the event without its `data`. */
export function thinNotificationOf(event: StoredV2Event): Record<string, unknown> {
  return {
    id: event.id,
    object: event.object,
    type: event.type,
    created: event.created,
    livemode: event.livemode,
    related_object: event.related_object,
    ...(event.reason ? { reason: event.reason } : {}),
  };
}
