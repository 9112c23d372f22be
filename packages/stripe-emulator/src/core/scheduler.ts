// Time-driven work (trial ends, renewals, invoice auto-advance, retries...). Jobs are persisted, so they survive
// a restart. Wall-clock jobs run from a timer; jobs on a test clock run only when that clock is advanced and
// its owner calls `runDue(clockId, target, onStep)`.
//
// The jobs themselves live in the store (persisted, undone with a rolled-back transaction); the scheduler keeps
// an index of them in step with the store (`store.watch`): jobs by key, and per clock a binary heap ordered by
// (at, seq), so finding the next due job, replacing a keyed job and dropping a clock's jobs cost O(log n) or
// O(jobs of that clock), not a scan of every job.
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

/** Run order: time, then scheduling order. */
function runsBefore(a: ScheduledJob, b: ScheduledJob): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/**
 * A binary min-heap of one clock's jobs. Removal is lazy: a job deleted from the store stays in the heap until
 * it reaches the top (`peekLive` drops it then) or the heap is rebuilt because stale entries outnumber live ones.
 */
class JobHeap {
  private heap: ScheduledJob[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(job: ScheduledJob): void {
    const h = this.heap;
    h.push(job);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!runsBefore(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  /** The first job still live (per `isLive`), discarding stale ones on the way. */
  peekLive(isLive: (job: ScheduledJob) => boolean): ScheduledJob | undefined {
    while (this.heap.length > 0) {
      const top = this.heap[0]!;
      if (isLive(top)) return top;
      this.pop();
    }
    return undefined;
  }

  rebuild(jobs: Iterable<ScheduledJob>): void {
    this.heap = [];
    for (const job of jobs) this.push(job);
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop();
    if (h.length === 0 || !last) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < h.length && runsBefore(h[l]!, h[min]!)) min = l;
      if (r < h.length && runsBefore(h[r]!, h[min]!)) min = r;
      if (min === i) break;
      [h[i], h[min]] = [h[min]!, h[i]!];
      i = min;
    }
  }
}

/** The index of one clock's jobs (null: wall-clock jobs). */
interface ClockJobs {
  live: Map<string, ScheduledJob>;
  heap: JobHeap;
}

export class Scheduler {
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private seq = 0;
  /** Index of the stored jobs; null until first used and after the store was reset or reloaded. */
  private index: { byKey: Map<string, ScheduledJob>; byClock: Map<string | null, ClockJobs> } | null = null;

  constructor(
    private readonly store: Store,
    private readonly options: { tickMs?: number; onError?: (error: unknown, job: ScheduledJob) => void } = {},
  ) {
    store.watch(jobsCollection, {
      changed: (_id, before, after) => {
        if (!this.index) return;
        if (before) this.unindex(before);
        if (after) this.indexJob(after);
      },
      reloaded: () => {
        this.index = null;
        this.seq = 0;
      },
    });
  }

  private jobs(): NonNullable<Scheduler['index']> {
    if (!this.index) {
      this.index = { byKey: new Map(), byClock: new Map() };
      for (const job of this.store.all(jobsCollection)) this.indexJob(job);
    }
    return this.index;
  }

  private clockJobs(testClock: string | null): ClockJobs {
    const byClock = this.jobs().byClock;
    let entry = byClock.get(testClock);
    if (!entry) {
      entry = { live: new Map(), heap: new JobHeap() };
      byClock.set(testClock, entry);
    }
    return entry;
  }

  private indexJob(job: ScheduledJob): void {
    const index = this.jobs();
    if (job.key) index.byKey.set(job.key, job);
    const entry = this.clockJobs(job.testClock);
    entry.live.set(job.id, job);
    entry.heap.push(job);
  }

  private unindex(job: ScheduledJob): void {
    const index = this.jobs();
    if (job.key && index.byKey.get(job.key)?.id === job.id) index.byKey.delete(job.key);
    const entry = index.byClock.get(job.testClock);
    if (!entry) return;
    entry.live.delete(job.id);
    if (entry.live.size === 0) {
      index.byClock.delete(job.testClock);
      return;
    }
    // Lazy removal from the heap; rebuild it once stale entries outnumber live ones.
    if (entry.heap.size > 64 && entry.heap.size > 2 * entry.live.size) entry.heap.rebuild(entry.live.values());
  }

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
    const found = this.jobs().byKey.get(key);
    return found ? this.store.delete(jobsCollection, found.id) : false;
  }

  /** Removes every job driven by `testClock` (the clock is being deleted). Returns how many. */
  cancelClock(testClock: string): number {
    const entry = this.jobs().byClock.get(testClock);
    if (!entry) return 0;
    const ids = [...entry.live.keys()];
    for (const id of ids) this.store.delete(jobsCollection, id);
    return ids.length;
  }

  /** Pending jobs (for a test clock, or wall-clock ones with null), in run order. */
  pending(testClock: string | null): ScheduledJob[] {
    const entry = this.jobs().byClock.get(testClock);
    return entry ? [...entry.live.values()].sort((a, b) => a.at - b.at || a.seq - b.seq) : [];
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

  /** The earliest job of `testClock` due at or before `upTo`. */
  private nextDue(testClock: string | null, upTo: number): ScheduledJob | undefined {
    const entry = this.jobs().byClock.get(testClock);
    const next = entry?.heap.peekLive((job) => entry.live.get(job.id) === job);
    return next && next.at <= upTo ? next : undefined;
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
