// Time-driven work (trial ends, renewals, invoice auto-advance, retries...). Jobs are persisted, so they survive
// a restart. Wall-clock jobs run from a timer; jobs on a test clock run only when that clock is advanced and
// its owner calls `runDue(clockId, target, onStep)`.
import type { Store } from './store.js';
import { jobsCollection, type ScheduledJob } from './collections.js';
import { newId } from './ids.js';
import type { Json } from './types.js';
import { runOutsideRequest } from './context.js';

export type JobHandler = (job: ScheduledJob) => void | Promise<void>;

export interface ScheduleInput {
  kind: string;
  at: number;
  testClock: string | null;
  payload?: Json;
  key?: string;
}

export class Scheduler {
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private seq = 0;

  constructor(
    private readonly store: Store,
    private readonly options: { tickMs?: number; onError?: (error: unknown, job: ScheduledJob) => void } = {},
  ) {}

  /** Registers the function that runs jobs of `kind`. One handler per kind. */
  handle(kind: string, handler: JobHandler): void {
    if (this.handlers.has(kind)) throw new Error(`scheduler: a handler for '${kind}' is already registered`);
    this.handlers.set(kind, handler);
  }

  /** Schedules a job. With a `key`, an existing job with that key is replaced. Returns the job. */
  schedule(input: ScheduleInput): ScheduledJob {
    if (input.key) this.cancel(input.key);
    const seq = this.nextSeq();
    const job: ScheduledJob = {
      id: newId('job'),
      kind: input.kind,
      at: input.at,
      testClock: input.testClock,
      key: input.key ?? null,
      payload: input.payload ?? null,
      seq,
    };
    return this.store.insert(jobsCollection, job);
  }

  /** Removes the job with this key, if any. Returns whether one was removed. */
  cancel(key: string): boolean {
    const found = this.store.all(jobsCollection).find((j) => j.key === key);
    return found ? this.store.delete(jobsCollection, found.id) : false;
  }

  /** Pending jobs (for a test clock, or wall-clock ones with null), in run order. */
  pending(testClock: string | null): ScheduledJob[] {
    return this.store
      .all(jobsCollection)
      .filter((j) => j.testClock === testClock)
      .sort((a, b) => a.at - b.at || a.seq - b.seq);
  }

  /**
   * Runs every job of `testClock` due at or before `upTo`, in time order, including jobs those jobs schedule
   * within the window. Before each job, `onStep(job.at)` lets the caller move the clock's frozen_time to the
   * job's time so objects it creates get the right timestamps. Returns how many jobs ran.
   */
  async runDue(testClock: string | null, upTo: number, onStep?: (at: number) => void | Promise<void>): Promise<number> {
    let count = 0;
    const work = this.running.then(async () => {
      for (;;) {
        const next = this.nextDue(testClock, upTo);
        if (!next) break;
        this.store.delete(jobsCollection, next.id);
        if (onStep) await onStep(next.at);
        const handler = this.handlers.get(next.kind);
        if (!handler) {
          this.options.onError?.(new Error(`scheduler: no handler for '${next.kind}'`), next);
          continue;
        }
        try {
          await runOutsideRequest(() => this.store.transaction(() => handler(next)));
        } catch (error) {
          this.options.onError?.(error, next);
        }
        count++;
      }
    });
    this.running = work.catch(() => undefined);
    await work;
    return count;
  }

  /** The earliest job of `testClock` due at or before `upTo` (linear scan: no sort per step). */
  private nextDue(testClock: string | null, upTo: number): ScheduledJob | undefined {
    let best: ScheduledJob | undefined;
    for (const j of this.store.all(jobsCollection)) {
      if (j.testClock !== testClock || j.at > upTo) continue;
      if (!best || j.at < best.at || (j.at === best.at && j.seq < best.seq)) best = j;
    }
    return best;
  }

  /** Starts the wall-clock timer. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      void this.runDue(null, Math.floor(Date.now() / 1000));
    }, this.options.tickMs ?? 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private nextSeq(): number {
    if (this.seq === 0) {
      for (const j of this.store.all(jobsCollection)) this.seq = Math.max(this.seq, j.seq);
    }
    return ++this.seq;
  }
}
