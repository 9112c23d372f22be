// One emulator instance: its state and services. Every resource function takes the instance (`emu`) so several
// emulators can run in one process (tests do).
import { Store } from './core/store.js';
import { Clock } from './core/clock.js';
import { Scheduler } from './core/scheduler.js';
import { EventBus } from './core/events.js';
import { ObjectRegistry } from './core/objects.js';
import { Router } from './http/router.js';
import { WebhookDispatcher, type WebhookSettings } from './webhooks/dispatcher.js';

export interface EmulatorOptions {
  /** TCP port; 0 picks a free one. Default 12111. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1. */
  host?: string;
  /** JSON state file: loaded at start, saved (debounced, atomically) after mutations and on close. */
  dataFile?: string;
  /** A pre-registered endpoint that receives every event (not listed under /v1/webhook_endpoints). */
  webhookUrl?: string;
  /** Signing secret for `webhookUrl` (`whsec_…`). Default `whsec_seikyu_emulator`. */
  webhookSecret?: string;
  /**
   * An event destination for v2 thin events (`v2.core.account.*`): receives each v2 event's thin notification,
   * signed like webhooks. Not listed anywhere (like `webhookUrl`).
   */
  thinWebhookUrl?: string;
  /** Signing secret for `thinWebhookUrl` (`whsec_…`). Default `whsec_seikyu_emulator_thin`. */
  thinWebhookSecret?: string;
  /** Delivery behaviour: retry schedule, duplicates, shuffling, timeout. */
  webhooks?: Partial<WebhookSettings>;
  /**
   * Base URL the emulator puts in hosted links (receipts, hosted invoices, PDFs, 3DS pages). Defaults to the
   * URL it listens on; set it when the browser reaches the emulator through another host name.
   */
  publicUrl?: string;
  /** How often wall-clock scheduled jobs are checked, in ms. Default 1000. */
  schedulerTickMs?: number;
  /** Log sink for one line per request and for internal errors. Default: none. */
  log?: (line: string) => void;
}

export const DEFAULT_WEBHOOK_SECRET = 'whsec_seikyu_emulator';
export const DEFAULT_THIN_WEBHOOK_SECRET = 'whsec_seikyu_emulator_thin';

export class Emulator {
  readonly options: EmulatorOptions;
  readonly store: Store;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly events: EventBus;
  readonly objects: ObjectRegistry;
  readonly router = new Router<Emulator>();
  readonly webhooks: WebhookDispatcher;
  /** Extension points other resource modules hook into (e.g. billing cancels subscriptions of a deleted customer). */
  readonly hooks: {
    /** Runs before a customer is deleted, inside the delete request. */
    customerDeleted: Array<(customerId: string) => void>;
  } = { customerDeleted: [] };
  /** Set once the server listens: `http://127.0.0.1:12111`. */
  url = '';

  constructor(options: EmulatorOptions = {}) {
    this.options = options;
    this.store = new Store({ dataFile: options.dataFile });
    this.clock = new Clock(this.store);
    this.scheduler = new Scheduler(this.store, {
      tickMs: options.schedulerTickMs,
      onError: (error, job) => this.logError(`scheduled job ${job.kind} (${job.id}) failed`, error),
    });
    this.events = new EventBus(this.store, this.clock);
    this.objects = new ObjectRegistry(this.store);
    this.webhooks = new WebhookDispatcher(
      this.store,
      options.webhookUrl ? { url: options.webhookUrl, secret: options.webhookSecret ?? DEFAULT_WEBHOOK_SECRET } : null,
      options.webhooks,
      () => this.publicUrl,
      options.thinWebhookUrl ? { url: options.thinWebhookUrl, secret: options.thinWebhookSecret ?? DEFAULT_THIN_WEBHOOK_SECRET } : null,
    );
    this.events.subscribe((event) => this.webhooks.enqueue(event));
  }

  /** Base URL for links the emulator serves (receipts, hosted invoice pages, PDFs, 3DS challenges). */
  get publicUrl(): string {
    return this.options.publicUrl ?? this.url;
  }

  log(line: string): void {
    this.options.log?.(line);
  }

  logError(message: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    (this.options.log ?? ((l: string) => process.stderr.write(`${l}\n`)))(`[stripe-emulator] ${message}: ${detail}`);
  }
}
