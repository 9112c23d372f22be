// In-memory state of one emulator instance: named collections of JSON objects keyed by id, in insertion order.
// Everything stored must be plain JSON (it is persisted as-is). Objects are replaced, never mutated in place,
// so a snapshot taken for an event or a response cannot change afterwards.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { resourceMissing } from '../http/errors.js';

export interface Collection<T extends { id: string }> {
  readonly name: string;
  /** Phantom field carrying the element type; never set. */
  readonly __type?: T;
}

/** Declares a typed handle to a named collection. Call once per collection, at module level. */
export function defineCollection<T extends { id: string }>(name: string): Collection<T> {
  return { name };
}

interface PersistedState {
  format: 'seikyu-stripe-emulator/1';
  savedAt: number;
  collections: Record<string, unknown[]>;
}

export interface StoreOptions {
  /** JSON state file; loaded at start, written (debounced, atomically) after mutations and on close. */
  dataFile?: string;
  /** Debounce for saves, in ms. */
  saveDelayMs?: number;
}

const ABSENT: unique symbol = Symbol('absent');

/**
 * Keeps an index of one collection in step with it: `changed` sees every insert, update and delete (also the
 * ones a rollback undoes), `reloaded` says the whole collection was replaced (reset, load) and must be re-read.
 */
export interface CollectionWatcher<T> {
  changed(id: string, before: T | undefined, after: T | undefined): void;
  reloaded(): void;
}

/** Thrown errors with `keepChanges` commit the transaction instead of rolling it back (card declines). */
export interface KeepChanges {
  keepChanges?: boolean;
}

export class Store {
  private readonly collections = new Map<string, Map<string, unknown>>();
  private readonly watchers = new Map<string, Array<CollectionWatcher<unknown>>>();
  /** Undo log of the running transaction: collection → id → value before the transaction (or ABSENT). */
  private undo: Map<string, Map<string, unknown>> | null = null;
  private onCommit: Array<() => void> = [];
  private readonly dataFile: string | undefined;
  private readonly saveDelayMs: number;
  private saveTimer: NodeJS.Timeout | null = null;
  private saving: Promise<void> = Promise.resolve();
  private dirty = false;
  private closed = false;

  constructor(options: StoreOptions = {}) {
    this.dataFile = options.dataFile;
    this.saveDelayMs = options.saveDelayMs ?? 100;
  }

  private map(name: string): Map<string, unknown> {
    let m = this.collections.get(name);
    if (!m) {
      m = new Map();
      this.collections.set(name, m);
    }
    return m;
  }

  /** Registers an index kept in step with collection `c` (see `CollectionWatcher`). */
  watch<T extends { id: string }>(c: Collection<T>, watcher: CollectionWatcher<T>): void {
    const list = this.watchers.get(c.name) ?? [];
    list.push(watcher as CollectionWatcher<unknown>);
    this.watchers.set(c.name, list);
  }

  /** Writes `value` (or removes the object when ABSENT) and tells the collection's watchers. */
  private put(name: string, id: string, value: unknown): void {
    const m = this.map(name);
    const watchers = this.watchers.get(name);
    const before = watchers ? m.get(id) : undefined;
    if (value === ABSENT) m.delete(id);
    else m.set(id, value);
    if (watchers) for (const w of watchers) w.changed(id, before, value === ABSENT ? undefined : value);
  }

  private reloaded(): void {
    for (const list of this.watchers.values()) for (const w of list) w.reloaded();
  }

  get<T extends { id: string }>(c: Collection<T>, id: string): T | undefined {
    return this.map(c.name).get(id) as T | undefined;
  }

  /** Like get, but a missing object is Stripe's 404 `No such <label>: '<id>'`. */
  require<T extends { id: string }>(c: Collection<T>, id: string, label: string, param = 'id'): T {
    const found = this.get(c, id);
    if (!found) throw resourceMissing(label, id, param);
    return found;
  }

  has<T extends { id: string }>(c: Collection<T>, id: string): boolean {
    return this.map(c.name).has(id);
  }

  /** Inserts a new object (or replaces one with the same id, keeping its position). */
  insert<T extends { id: string }>(c: Collection<T>, obj: T): T {
    this.remember(c.name, obj.id);
    this.put(c.name, obj.id, obj);
    this.markDirty();
    return obj;
  }

  /** Replaces an object with `update(current)`; returns the new object. */
  update<T extends { id: string }>(c: Collection<T>, id: string, update: (current: T) => T): T {
    const current = this.get(c, id);
    if (!current) throw new Error(`store.update: ${c.name}/${id} does not exist`);
    const next = update(current);
    this.remember(c.name, id);
    this.put(c.name, id, next);
    this.markDirty();
    return next;
  }

  delete<T extends { id: string }>(c: Collection<T>, id: string): boolean {
    this.remember(c.name, id);
    const removed = this.map(c.name).has(id);
    if (removed) {
      this.put(c.name, id, ABSENT);
      this.markDirty();
    }
    return removed;
  }

  /** All objects in insertion order (oldest first). */
  all<T extends { id: string }>(c: Collection<T>): T[] {
    return [...this.map(c.name).values()] as T[];
  }

  /** Objects matching `filter`, newest first as Stripe lists them (by `created`, then by insertion). */
  newestFirst<T extends { id: string }>(c: Collection<T>, filter?: (obj: T) => boolean): T[] {
    const items = this.all(c);
    const indexed = items.map((obj, index) => ({ obj, index }));
    const kept = filter ? indexed.filter(({ obj }) => filter(obj)) : indexed;
    kept.sort((a, b) => createdOf(b.obj) - createdOf(a.obj) || b.index - a.index);
    return kept.map(({ obj }) => obj);
  }

  // ---- transactions ------------------------------------------------------------------------------

  /**
   * Runs `fn` atomically: if it throws, every insert/update/delete it made is undone (unless the error has
   * `keepChanges`), and callbacks registered with `afterCommit` are dropped. Nested calls join the outer
   * transaction. Only the synchronous part of `fn` is covered: if it returns a promise, the transaction
   * commits when the promise is returned. The server runs every API handler and every scheduled job in one.
   */
  transaction<T>(fn: () => T): T {
    if (this.undo) return fn();
    this.undo = new Map();
    this.onCommit = [];
    let result: T;
    try {
      result = fn();
    } catch (error) {
      const keep = typeof error === 'object' && error !== null && 'extra' in error && (error.extra as KeepChanges).keepChanges === true;
      if (keep) this.commit();
      else this.rollback();
      throw error;
    }
    this.commit();
    return result;
  }

  /** Runs `cb` once the current transaction commits (now, if none is running). */
  afterCommit(cb: () => void): void {
    if (this.undo) this.onCommit.push(cb);
    else cb();
  }

  get inTransaction(): boolean {
    return this.undo !== null;
  }

  private remember(name: string, id: string): void {
    if (!this.undo) return;
    let log = this.undo.get(name);
    if (!log) {
      log = new Map();
      this.undo.set(name, log);
    }
    if (log.has(id)) return;
    const m = this.map(name);
    log.set(id, m.has(id) ? m.get(id) : ABSENT);
  }

  private commit(): void {
    const callbacks = this.onCommit;
    this.undo = null;
    this.onCommit = [];
    for (const cb of callbacks) cb();
  }

  private rollback(): void {
    const undo = this.undo;
    this.undo = null;
    this.onCommit = [];
    if (!undo) return;
    for (const [name, log] of undo) {
      const m = this.map(name);
      for (const [id, previous] of log) {
        if (previous === ABSENT ? m.has(id) : m.get(id) !== previous) this.put(name, id, previous);
      }
    }
  }

  /** Drops every object of every collection. */
  reset(): void {
    this.collections.clear();
    this.reloaded();
    this.markDirty();
  }

  // ---- persistence -------------------------------------------------------------------------------

  async load(): Promise<void> {
    if (!this.dataFile) return;
    let text: string;
    try {
      text = await fs.readFile(this.dataFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    let state: PersistedState;
    try {
      state = JSON.parse(text) as PersistedState;
    } catch (error) {
      throw new Error(
        `${this.dataFile} is not valid JSON (${error instanceof Error ? error.message : String(error)}). Move it aside to start with an empty emulator.`,
      );
    }
    if (state?.format !== 'seikyu-stripe-emulator/1') {
      throw new Error(`${this.dataFile} is not a Stripe emulator state file (format ${String(state.format)})`);
    }
    this.collections.clear();
    for (const [name, objects] of Object.entries(state.collections)) {
      const m = this.map(name);
      for (const obj of objects) m.set((obj as { id: string }).id, obj);
    }
    this.reloaded();
  }

  private markDirty(): void {
    if (!this.dataFile || this.closed) return;
    this.dirty = true;
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.flush();
    }, this.saveDelayMs);
    this.saveTimer.unref();
  }

  /** Saves for the last time; later changes (a webhook attempt finishing after shutdown) are not written. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }

  /** Writes the state now if anything changed (atomic: temp file + rename). Safe to call concurrently. */
  async flush(): Promise<void> {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
    }
    this.saving = this.saving.then(async () => {
      if (!this.dataFile || !this.dirty) return;
      this.dirty = false;
      try {
        await this.write(this.dataFile);
      } catch (error) {
        // Keep the state dirty so the next mutation or close() tries again; never lose the in-memory state.
        this.dirty = true;
        process.stderr.write(`[stripe-emulator] could not save ${this.dataFile}: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    });
    return this.saving;
  }

  private async write(dataFile: string): Promise<void> {
    // Snapshot synchronously (transactions are synchronous, so this never sees half a request).
    const state: PersistedState = { format: 'seikyu-stripe-emulator/1', savedAt: Date.now(), collections: {} };
    for (const [name, m] of this.collections) state.collections[name] = [...m.values()];
    const text = JSON.stringify(state);
    await fs.mkdir(path.dirname(dataFile), { recursive: true });
    const tmp = `${dataFile}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(tmp, text);
    await fs.rename(tmp, dataFile);
  }
}

function createdOf(obj: unknown): number {
  const created = (obj as { created?: unknown }).created;
  return typeof created === 'number' ? created : 0;
}
