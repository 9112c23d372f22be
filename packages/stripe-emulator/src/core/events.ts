// Events: every state change worth a webhook becomes a Stripe.Event (stored for /v1/events) and is handed to
// the webhook dispatcher. `data.object` is a deep snapshot taken at emit time.
import type Stripe from 'stripe';
import type { Store } from './store.js';
import type { Clock } from './clock.js';
import { eventsCollection } from './collections.js';
import { currentRequest } from './context.js';
import { newId } from './ids.js';

export const API_VERSION = '2026-10-28.endive' satisfies Stripe.LatestApiVersion;

export type EventType = Stripe.Event.Type;
/** The object type carried by events of type T (`Stripe.Customer` for `customer.created`). */
export type EventObject<T extends EventType> = Extract<Stripe.Event, { type: T }>['data']['object'];

export interface EmitOptions<T extends EventType> {
  /** For `*.updated`: the previous values of the fields that changed (use `diffAttributes`). */
  previousAttributes?: Partial<EventObject<T>>;
  /** Whose clock dates the event; defaults to the object's own `customer` (or its id for customers). */
  customer?: string | null;
  /** Explicit `created` time (e.g. for an object whose customer was just deleted). */
  at?: number;
  /**
   * The connected account the event happened on (`account` on the event). Such events go to Connect webhook
   * endpoints (`connect: true`) only, as Stripe sends them; events without it go to account endpoints.
   */
  account?: string;
}

export type EventListener = (event: Stripe.EventBase) => void;

export class EventBus {
  private readonly listeners: EventListener[] = [];

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Called for every emitted event, synchronously, in emit order (the webhook dispatcher subscribes). */
  subscribe(listener: EventListener): void {
    this.listeners.push(listener);
  }

  emit<T extends EventType>(type: T, object: EventObject<T>, options: EmitOptions<T> = {}): Stripe.EventBase {
    const request = currentRequest();
    const customer = options.customer !== undefined ? options.customer : customerOf(object);
    const data: Stripe.Event.Data = { object: snapshot(object) };
    if (options.previousAttributes) data.previous_attributes = snapshot(options.previousAttributes);
    const event: Stripe.EventBase = {
      id: newId('evt'),
      object: 'event',
      ...(options.account ? { account: options.account } : {}),
      api_version: API_VERSION,
      created: options.at ?? this.clock.now(customer),
      data,
      livemode: false,
      pending_webhooks: 0,
      request: request
        ? { id: request.requestId, idempotency_key: request.idempotencyKey }
        : { id: null, idempotency_key: null },
      type,
    };
    this.store.insert(eventsCollection, event);
    for (const listener of this.listeners) listener(event);
    return this.store.get(eventsCollection, event.id) ?? event;
  }
}

/** Deep copy through JSON (what a webhook receiver would see). */
export function snapshot<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The customer an object belongs to, for dating its events. */
function customerOf(object: object): string | null {
  if ('object' in object && object.object === 'customer' && 'id' in object && typeof object.id === 'string') return object.id;
  if ('customer' in object) {
    const c = object.customer;
    if (typeof c === 'string') return c;
    if (c && typeof c === 'object' && 'id' in c && typeof c.id === 'string') return c.id;
  }
  return null;
}

/**
 * `previous_attributes` for an update: for each top-level field whose JSON differs, the old value.
 * Pass the objects before and after the change.
 */
export function diffAttributes<T extends object>(before: T, after: T): Partial<T> {
  const previous: Partial<T> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof T & string>;
  for (const key of keys) {
    if (before[key] !== undefined && JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      previous[key] = before[key];
    }
  }
  return previous;
}
