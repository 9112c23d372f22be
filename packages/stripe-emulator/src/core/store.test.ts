import { describe, expect, it } from 'vitest';
import { Store, defineCollection } from './store.js';
import { StripeError } from '../http/errors.js';

const things = defineCollection<{ id: string; n: number; created: number }>('things');

describe('Store transactions', () => {
  it('undoes inserts, updates and deletes when the function throws, and drops afterCommit callbacks', () => {
    const store = new Store();
    store.insert(things, { id: 'a', n: 1, created: 1 });
    store.insert(things, { id: 'b', n: 1, created: 2 });
    const committed: string[] = [];
    expect(() =>
      store.transaction(() => {
        store.update(things, 'a', (t) => ({ ...t, n: 2 }));
        store.delete(things, 'b');
        store.insert(things, { id: 'c', n: 1, created: 3 });
        store.afterCommit(() => committed.push('x'));
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(store.get(things, 'a')?.n).toBe(1);
    expect(store.get(things, 'b')).toBeDefined();
    expect(store.get(things, 'c')).toBeUndefined();
    expect(committed).toEqual([]);
  });

  it('keeps the changes for errors marked keepChanges, and runs afterCommit callbacks on commit', () => {
    const store = new Store();
    const committed: string[] = [];
    expect(() =>
      store.transaction(() => {
        store.insert(things, { id: 'a', n: 1, created: 1 });
        store.afterCommit(() => committed.push('a'));
        throw new StripeError(402, 'card_error', 'declined', { keepChanges: true });
      }),
    ).toThrow('declined');
    expect(store.get(things, 'a')).toBeDefined();
    expect(committed).toEqual(['a']);
    store.transaction(() => store.afterCommit(() => committed.push('b')));
    expect(committed).toEqual(['a', 'b']);
  });

  it('lists newest first by created, then by insertion', () => {
    const store = new Store();
    store.insert(things, { id: 'old', n: 0, created: 1 });
    store.insert(things, { id: 'same1', n: 0, created: 5 });
    store.insert(things, { id: 'same2', n: 0, created: 5 });
    store.insert(things, { id: 'backdated', n: 0, created: 0 });
    expect(store.newestFirst(things).map((t) => t.id)).toEqual(['same2', 'same1', 'old', 'backdated']);
  });
});
