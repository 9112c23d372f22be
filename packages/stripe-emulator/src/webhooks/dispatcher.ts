// Webhook delivery: an async queue, never on the request path. Events are queued in emit order; each endpoint
// receives its deliveries one at a time in that order (unless shuffling is on). Non-2xx answers and network
// errors are retried on `retryScheduleMs`; with `duplicate` every event is delivered twice, with
// `shuffleWindowMs` deliveries are randomly delayed within that window so they arrive out of order.
import type Stripe from 'stripe';
import type { Store } from '../core/store.js';
import { eventsCollection, webhookEndpointsCollection } from '../core/collections.js';
import { newId } from '../core/ids.js';
import { signPayload } from './signature.js';

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
  secret: string;
  dueAt: number;
  seq: number;
}

/** Id of the endpoint configured by `webhookUrl` / EMULATOR_WEBHOOK_URL (not listed under /v1/webhook_endpoints). */
export const STATIC_ENDPOINT_ID = 'we_emulator_static';
const MAX_LOG = 5000;

export class WebhookDispatcher {
  settings: WebhookSettings;
  private readonly queue: QueueItem[] = [];
  private readonly inFlight = new Set<string>();
  private readonly log: DeliveryRecord[] = [];
  private idleWaiters: Array<() => void> = [];
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private seq = 0;
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly staticEndpoint: StaticEndpoint | null,
    settings: Partial<WebhookSettings> = {},
  ) {
    this.settings = { ...DEFAULT_WEBHOOK_SETTINGS, ...settings };
  }

  /**
   * Queues deliveries of `event` to every endpoint subscribed to its type, once the current store transaction
   * commits (events of a rolled-back request are never sent). Synchronous; sends later.
   */
  enqueue(event: Stripe.EventBase): void {
    this.store.afterCommit(() => this.enqueueNow(event));
  }

  private enqueueNow(event: Stripe.EventBase): void {
    if (this.closed || !this.store.has(eventsCollection, event.id)) return;
    const targets: Array<{ id: string; url: string; secret: string }> = [];
    if (this.staticEndpoint) targets.push({ id: STATIC_ENDPOINT_ID, ...this.staticEndpoint });
    for (const endpoint of this.store.all(webhookEndpointsCollection)) {
      if (endpoint.status !== 'enabled' || !endpoint.secret) continue;
      if (!endpoint.enabled_events.includes('*') && !endpoint.enabled_events.includes(event.type)) continue;
      targets.push({ id: endpoint.id, url: endpoint.url, secret: endpoint.secret });
    }
    if (targets.length === 0) return;
    this.store.update(eventsCollection, event.id, (e) => ({ ...e, pending_webhooks: targets.length }));
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
          status: 'pending',
          attempts: [],
          next_attempt_at: null,
        };
        this.remember(record);
        const jitter = this.settings.shuffleWindowMs > 0 ? Math.floor(Math.random() * this.settings.shuffleWindowMs) : 0;
        this.push({ record, secret: target.secret, dueAt: now + jitter, seq: ++this.seq });
      }
    }
    setImmediate(() => this.pump());
  }

  /** The delivery log, newest first. */
  deliveries(filter: { eventId?: string; endpointId?: string } = {}): DeliveryRecord[] {
    return this.log
      .filter((r) => (!filter.eventId || r.event_id === filter.eventId) && (!filter.endpointId || r.endpoint_id === filter.endpointId))
      .slice()
      .reverse();
  }

  pendingCount(): number {
    return this.queue.length + this.inFlight.size;
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
    this.queue.length = 0;
    this.log.length = 0;
    this.checkIdle();
  }

  close(): void {
    this.closed = true;
    this.queue.length = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.checkIdle();
  }

  private push(item: QueueItem): void {
    this.queue.push(item);
    item.record.next_attempt_at = new Date(item.dueAt).toISOString();
  }

  private remember(record: DeliveryRecord): void {
    this.log.push(record);
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
  }

  private isIdle(): boolean {
    return this.queue.length === 0 && this.inFlight.size === 0;
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
    const byEndpoint = new Map<string, QueueItem>();
    for (const item of this.queue) {
      const current = byEndpoint.get(item.record.endpoint_id);
      if (!current || item.dueAt < current.dueAt || (item.dueAt === current.dueAt && item.seq < current.seq)) {
        byEndpoint.set(item.record.endpoint_id, item);
      }
    }
    for (const [endpointId, item] of byEndpoint) {
      if (this.inFlight.has(endpointId)) continue;
      if (item.dueAt <= now) void this.attempt(item);
      else nextWake = Math.min(nextWake, item.dueAt);
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

  private async attempt(item: QueueItem): Promise<void> {
    const endpointId = item.record.endpoint_id;
    this.queue.splice(this.queue.indexOf(item), 1);
    this.inFlight.add(endpointId);
    const record = item.record;
    record.next_attempt_at = null;
    const started = Date.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const event = this.store.get(eventsCollection, record.event_id);
      if (!event) throw new Error('event no longer exists (emulator reset)');
      const payload = JSON.stringify(event, null, 2);
      const signature = signPayload(payload, item.secret, Math.floor(Date.now() / 1000));
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
      if (!record.duplicate && this.store.has(eventsCollection, record.event_id)) {
        this.store.update(eventsCollection, record.event_id, (e) => ({ ...e, pending_webhooks: Math.max(0, e.pending_webhooks - 1) }));
      }
    } else if (!this.closed && record.attempts.length <= this.settings.retryScheduleMs.length) {
      const delay = this.settings.retryScheduleMs[record.attempts.length - 1];
      this.push({ ...item, dueAt: Date.now() + delay, seq: ++this.seq });
    } else {
      record.status = 'failed';
    }
    this.inFlight.delete(endpointId);
    this.pump();
  }
}
