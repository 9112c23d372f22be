// Emits a v2 event: stores it (for /v2/core/events) and queues its thin notification to the thin-event
// destination once the request's store transaction commits (a failed request sends nothing).
import type { Emulator } from '../emulator.js';
import { currentRequest } from './context.js';
import { newId } from './ids.js';
import { v2EventsCollection, type StoredV2Event } from './v2-events.js';

export interface EmitV2EventInput {
  type: string;
  relatedObject: { id: string; type: string; url: string };
  data?: Record<string, unknown>;
}

export function emitV2Event(emu: Emulator, input: EmitV2EventInput): StoredV2Event {
  const request = currentRequest();
  const event: StoredV2Event = {
    id: newId('evt_test'),
    object: 'v2.core.event',
    type: input.type,
    created: new Date(emu.clock.wallNow() * 1000).toISOString(),
    livemode: false,
    related_object: input.relatedObject,
    ...(request ? { reason: { type: 'request', request: { id: request.requestId, idempotency_key: request.idempotencyKey ?? '' } } } : {}),
    ...(input.data ? { data: input.data } : {}),
  };
  emu.store.insert(v2EventsCollection, event);
  emu.webhooks.enqueueThin(event.id, event.type);
  return event;
}
