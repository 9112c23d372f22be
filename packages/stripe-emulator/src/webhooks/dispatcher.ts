// Webhook delivery: an async queue, never on the request path. Events are queued in emit order; each endpoint
// receives its deliveries one at a time in that order (unless shuffling is on). Non-2xx answers and network
// errors are retried on `retryScheduleMs`; with `duplicate` every event is delivered twice, with
// `shuffleWindowMs` deliveries are randomly delayed within that window so they arrive out of order.
// Two payloads: v1 snapshot events (the stored `event`) to webhook endpoints, and v2 thin notifications
// (core/v2-events.ts) to the thin-event destination; both signed with the same `Stripe-Signature` scheme.
import type Stripe from 'stripe';
import type { Store } from '../core/store.js';
import { eventsCollection, webhookEndpointScopesCollection, webhookEndpointsCollection } from '../core/collections.js';
import { newId } from '../core/ids.js';
import { defineCollection } from '../core/store.js';
import { signPayload } from './signature.js';
import { resolvePublicUrls } from '../core/public-url.js';
import { thinNotificationOf, v2EventsCollection } from '../core/v2-events.js';
import { destinationWants, eventDestinationsCollection } from './event-destinations.js';

export interface WebhookSettings {
  /** Delay before each retry, in ms; a delivery is attempted `retryScheduleMs.length + 1` times in all. */
  retryScheduleMs: number[];
  /** Deliver every event twice (the second copy is identical, same event id). */
  duplicate: boolean;
  /** Delay each delivery by a random 0..window ms, so deliveries within the window arrive in random order. */
  shuffleWindowMs: number;
  /** Per-attempt timeout in ms. */
  timeoutMs: number;
}

/** Stripe retries for up to three days; these are the emulator's compressed defaults. */
export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  retryScheduleMs: [5_000, 30_000, 120_000, 600_000, 3_600_000],
  duplicate: false,
  shuffleWindowMs: 0,
  timeoutMs: 10_000,
};

export interface DeliveryAttempt {
  at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export interface DeliveryRecord {
  id: string;
  event_id: string;
  event_type: string;
  endpoint_id: string;
  url: string;
  /** True for the second copy made by the `duplicate` option. */
  duplicate: boolean;
  /** `thin`: a v2 event's notification (absent on records saved before thin events existed: a snapshot). */
  payload?: 'snapshot' | 'thin';
  status: 'pending' | 'succeeded' | 'failed';
  attempts: DeliveryAttempt[];
  next_attempt_at: string | null;
}

export interface StaticEndpoint {
  url: string;
  secret: string;
}

interface QueueItem {
  record: DeliveryRecord;
  dueAt: number;
  seq: number;
}

/** A delivery not finished yet, persisted so a restart does not lose it (at least once, across restarts). */
interface PendingDelivery {
  /** The delivery record id. */
  id: string;
  record: DeliveryRecord;
  dueAt: number;
  seq: number;
}
const pendingDeliveriesCollection = defineCollection<PendingDelivery>('_webhook_queue');

/** Id of the endpoint configured by `webhookUrl` / EMULATOR_WEBHOOK_URL (not listed under /v1/webhook_endpoints). */
export const STATIC_ENDPOINT_ID = 'we_emulator_static';
/** Id of the thin-event destination configured by `thinWebhookUrl` / EMULATOR_THIN_WEBHOOK_URL. */
export const STATIC_THIN_DESTINATION_ID = 'ed_emulator_static';
const MAX_LOG = 5000;

export class WebhookDispatcher {
  settings: WebhookSettings;
  /** Per endpoint, ordered by (dueAt, seq): each endpoint receives one delivery at a time, in order. */
  private readonly queues = new Map<string, QueueItem[]>();
  private queued = 0;
  private readonly inFlight = new Set<string>();
  private readonly log: DeliveryRecord[] = [];
  /** Each stored event's JSON body, built once for all its deliveries and retries (stored events never change). */
  private readonly payloads = new WeakMap<Stripe.EventBase, string>();
  private idleWaiters: Array<() => void> = [];
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private seq = 0;
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly staticEndpoint: StaticEndpoint | null,
    settings: Partial<WebhookSettings> = {},
    /** The emulator's public URL now: hosted links in payloads are resolved against it (see core/public-url.ts). */
    private readonly publicUrl: () => string = () => '',
    /** Receives every v2 event as a thin notification (an event destination with `event_payload: thin`). */
    private readonly thinDestination: StaticEndpoint | null = null,
  ) {
    this.settings = { ...DEFAULT_WEBHOOK_SETTINGS, ...settings };
  }

  /** Re-queues deliveries that were pending when the state was saved (call after the store is loaded). */
  restore(): void {
    for (const pending of this.store.all(pendingDeliveriesCollection)) {
      this.seq = Math.max(this.seq, pending.seq);
      const record: DeliveryRecord = { ...pending.record, attempts: [...pending.record.attempts] };
      this.remember(record);
      this.push({ record, dueAt: Math.min(pending.dueAt, Date.now()), seq: pending.seq }, false);
    }
    if (this.queued > 0) setImmediate(() => this.pump());
  }

  /**
   * Queues deliveries of `event` to every endpoint subscribed to its type, once the current store transaction
   * commits (events of a rolled-back request are never sent). Synchronous; sends later.
   */
  enqueue(event: Stripe.EventBase): void {
    this.store.afterCommit(() => this.enqueueNow(event));
  }

  /**
   * Queues the thin notification of a stored v2 event to the configured thin destination and every enabled
   * event destination (`/v2/core/event_destinations`) that wants its type, once the store transaction commits.
   */
  enqueueThin(eventId: string, type: string): void {
    this.store.afterCommit(() => {
      if (this.closed || !this.store.has(v2EventsCollection, eventId)) return;
      const targets: Array<{ id: string; url: string }> = [];
      if (this.thinDestination) targets.push({ id: STATIC_THIN_DESTINATION_ID, url: this.thinDestination.url });
      for (const destination of this.store.all(eventDestinationsCollection)) {
        if (destinationWants(destination, type)) targets.push({ id: destination.id, url: destination.url });
      }
      if (targets.length > 0) this.queueDeliveries({ id: eventId, type }, targets, 'thin');
    });
  }

  private enqueueNow(event: Stripe.EventBase): void {
    if (this.closed || !this.store.has(eventsCollection, event.id)) return;
    const targets: Array<{ id: string; url: string }> = [];
    if (this.staticEndpoint) targets.push({ id: STATIC_ENDPOINT_ID, url: this.staticEndpoint.url });
    for (const endpoint of this.store.all(webhookEndpointsCollection)) {
      if (endpoint.status !== 'enabled' || !endpoint.secret) continue;
      if (!endpoint.enabled_events.includes('*') && !endpoint.enabled_events.includes(event.type)) continue;
      // Connect endpoints receive the connected accounts' events (those with `account`), account endpoints the rest.
      const connect = this.store.get(webhookEndpointScopesCollection, endpoint.id)?.connect ?? false;
      if (connect !== (event.account !== undefined)) continue;
      targets.push({ id: endpoint.id, url: endpoint.url });
    }
    if (targets.length === 0) return;
    this.store.update(eventsCollection, event.id, (e) => ({ ...e, pending_webhooks: targets.length }));
    this.queueDeliveries(event, targets, 'snapshot');
  }

  private queueDeliveries(event: { id: string; type: string }, targets: Array<{ id: string; url: string }>, payload: 'snapshot' | 'thin'): void {
    const now = Date.now();
    for (const target of targets) {
      const copies = this.settings.duplicate ? 2 : 1;
      for (let copy = 0; copy < copies; copy++) {
        const record: DeliveryRecord = {
          id: newId('wd'),
          event_id: event.id,
          event_type: event.type,
          endpoint_id: target.id,
          url: target.url,
          duplicate: copy > 0,
          payload,
          status: 'pending',
          attempts: [],
          next_attempt_at: null,
        };
        this.remember(record);
        const jitter = this.settings.shuffleWindowMs > 0 ? Math.floor(Math.random() * this.settings.shuffleWindowMs) : 0;
        this.push({ record, dueAt: now + jitter, seq: ++this.seq });
      }
    }
    setImmediate(() => this.pump());
  }

  /** The delivery log (this process's deliveries), newest first. */
  deliveries(filter: { eventId?: string; endpointId?: string } = {}): DeliveryRecord[] {
    return this.log
      .filter((r) => (!filter.eventId || r.event_id === filter.eventId) && (!filter.endpointId || r.endpoint_id === filter.endpointId))
      .slice()
      .reverse();
  }

  pendingCount(): number {
    return this.queued + this.inFlight.size;
  }

  /** Resolves true when nothing is queued or in flight (retries included), false if `timeoutMs` passes first. */
  async flush(timeoutMs = 30_000): Promise<boolean> {
    if (this.isIdle()) return true;
    this.pump();
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        this.idleWaiters = this.idleWaiters.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        resolve(true);
      };
      this.idleWaiters.push(done);
    });
  }

  /** Drops queued deliveries and the log (used by /_emulator/reset). In-flight attempts finish. */
  reset(): void {
    this.queues.clear();
    this.queued = 0;
    this.log.length = 0;
    for (const pending of this.store.all(pendingDeliveriesCollection)) this.store.delete(pendingDeliveriesCollection, pending.id);
    this.checkIdle();
  }

  /** Stops delivering. Pending deliveries stay in the store and are sent after the next start. */
  close(): void {
    this.closed = true;
    this.queues.clear();
    this.queued = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.checkIdle();
  }

  private push(item: QueueItem, persist = true): void {
    const key = item.record.endpoint_id;
    let queue = this.queues.get(key);
    if (!queue) {
      queue = [];
      this.queues.set(key, queue);
    }
    // Insert in (dueAt, seq) order; new items usually go last.
    let i = queue.length;
    while (i > 0 && (queue[i - 1].dueAt > item.dueAt || (queue[i - 1].dueAt === item.dueAt && queue[i - 1].seq > item.seq))) i--;
    queue.splice(i, 0, item);
    this.queued++;
    item.record.next_attempt_at = new Date(item.dueAt).toISOString();
    if (persist) this.persist(item);
  }

  private persist(item: QueueItem): void {
    this.store.insert(pendingDeliveriesCollection, {
      id: item.record.id,
      record: { ...item.record, attempts: [...item.record.attempts] },
      dueAt: item.dueAt,
      seq: item.seq,
    });
  }

  private remember(record: DeliveryRecord): void {
    this.log.push(record);
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
  }

  private isIdle(): boolean {
    return this.queued === 0 && this.inFlight.size === 0;
  }

  private checkIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private pump(): void {
    if (this.closed) return;
    const now = Date.now();
    let nextWake = Infinity;
    for (const [endpointId, queue] of this.queues) {
      if (this.inFlight.has(endpointId) || queue.length === 0) continue;
      const head = queue[0];
      if (head.dueAt <= now) {
        queue.shift();
        this.queued--;
        void this.attempt(head);
      } else {
        nextWake = Math.min(nextWake, head.dueAt);
      }
    }
    if (nextWake !== Infinity && nextWake < this.timerAt) {
      if (this.timer) clearTimeout(this.timer);
      this.timerAt = nextWake;
      this.timer = setTimeout(() => {
        this.timer = null;
        this.timerAt = Infinity;
        this.pump();
      }, Math.max(0, nextWake - now));
      this.timer.unref();
    }
    this.checkIdle();
  }

  private secretFor(endpointId: string): string | null {
    if (endpointId === STATIC_ENDPOINT_ID) return this.staticEndpoint?.secret ?? null;
    if (endpointId === STATIC_THIN_DESTINATION_ID) return this.thinDestination?.secret ?? null;
    const destination = this.store.get(eventDestinationsCollection, endpointId);
    if (destination) return destination.status === 'enabled' ? destination.secret : null;
    const endpoint = this.store.get(webhookEndpointsCollection, endpointId);
    return endpoint && endpoint.status === 'enabled' ? (endpoint.secret ?? null) : null;
  }

  /** The body to send: the stored snapshot event, or a v2 event's thin notification; null once it is gone. */
  private payloadOf(record: DeliveryRecord): string | null {
    if (record.payload === 'thin') {
      const event = this.store.get(v2EventsCollection, record.event_id);
      return event ? JSON.stringify(thinNotificationOf(event), null, 2) : null;
    }
    const event = this.store.get(eventsCollection, record.event_id);
    if (!event) return null;
    let payload = this.payloads.get(event);
    if (payload === undefined) {
      payload = resolvePublicUrls(JSON.stringify(event, null, 2), this.publicUrl());
      this.payloads.set(event, payload);
    }
    return payload;
  }

  private async attempt(item: QueueItem): Promise<void> {
    const record = item.record;
    const endpointId = record.endpoint_id;
    this.inFlight.add(endpointId);
    record.next_attempt_at = null;
    const started = Date.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    let giveUp = false;
    try {
      const secret = this.secretFor(endpointId);
      const payload = this.payloadOf(record);
      if (payload === null) {
        giveUp = true;
        throw new Error('event no longer exists (emulator reset)');
      }
      if (!secret) {
        giveUp = true;
        throw new Error('endpoint deleted or disabled');
      }
      const signature = signPayload(payload, secret, Math.floor(Date.now() / 1000));
      const res = await fetch(record.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'Stripe-Signature': signature, 'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' },
        body: payload,
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      statusCode = res.status;
      await res.arrayBuffer().catch(() => undefined);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    record.attempts.push({ at: new Date(started).toISOString(), status_code: statusCode, error, duration_ms: Date.now() - started });
    const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
    if (ok) {
      record.status = 'succeeded';
      this.store.delete(pendingDeliveriesCollection, record.id);
      if (!record.duplicate && record.payload !== 'thin' && this.store.has(eventsCollection, record.event_id)) {
        this.store.update(eventsCollection, record.event_id, (e) => ({ ...e, pending_webhooks: Math.max(0, e.pending_webhooks - 1) }));
      }
    } else if (this.closed) {
      // Stays persisted; retried after the next start.
    } else if (!giveUp && record.attempts.length <= this.settings.retryScheduleMs.length) {
      const delay = this.settings.retryScheduleMs[record.attempts.length - 1];
      this.push({ record, dueAt: Date.now() + delay, seq: ++this.seq });
    } else {
      record.status = 'failed';
      this.store.delete(pendingDeliveriesCollection, record.id);
    }
    this.inFlight.delete(endpointId);
    this.pump();
  }
}
