import { describe, expect, it } from 'vitest';
import { Store } from './store.js';
import { Scheduler } from './scheduler.js';
import { jobsCollection } from './collections.js';

function setup() {
  const store = new Store();
  const scheduler = new Scheduler(store);
  const ran: string[] = [];
  scheduler.handle('mark', (job) => {
    ran.push(String(job.payload));
  });
  return { store, scheduler, ran };
}

describe('Scheduler', () => {
  it('runs due jobs of one clock in (time, scheduling) order, including jobs scheduled by a job inside the window', async () => {
    const { store, scheduler, ran } = setup();
    scheduler.handle('chain', () => {
      scheduler.schedule({ kind: 'mark', at: 25, testClock: 'clock_a', payload: 'from-chain' });
    });
    for (const [at, payload] of [[30, 'c'], [10, 'a'], [20, 'b1'], [20, 'b2'], [99, 'late']] as const) {
      scheduler.schedule({ kind: 'mark', at, testClock: 'clock_a', payload });
    }
    scheduler.schedule({ kind: 'chain', at: 15, testClock: 'clock_a' });
    scheduler.schedule({ kind: 'mark', at: 5, testClock: 'clock_b', payload: 'other clock' });
    const steps: number[] = [];
    expect(await scheduler.runDue('clock_a', 50, (at) => void steps.push(at))).toBe(6);
    expect(ran).toEqual(['a', 'b1', 'b2', 'from-chain', 'c']);
    expect(steps).toEqual([10, 15, 20, 20, 25, 30]);
    expect(scheduler.pending('clock_a').map((j) => j.payload)).toEqual(['late']);
    expect(scheduler.pending('clock_b').map((j) => j.payload)).toEqual(['other clock']);
    expect(store.all(jobsCollection)).toHaveLength(2);
  });

  it('replaces and cancels keyed jobs, and a rolled-back cancel brings the job back', async () => {
    const { store, scheduler, ran } = setup();
    scheduler.schedule({ kind: 'mark', at: 10, testClock: 'clock_a', payload: 'first', key: 'k' });
    scheduler.schedule({ kind: 'mark', at: 20, testClock: 'clock_a', payload: 'second', key: 'k' });
    expect(scheduler.pending('clock_a').map((j) => j.payload)).toEqual(['second']);
    expect(() =>
      store.transaction(() => {
        expect(scheduler.cancel('k')).toBe(true);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(scheduler.cancel('missing')).toBe(false);
    await scheduler.runDue('clock_a', 100);
    expect(ran).toEqual(['second']);
    expect(scheduler.cancel('k')).toBe(false);
  });

  it('forgets jobs scheduled in a rolled-back transaction, drops a clock’s jobs, and starts over after a reset', async () => {
    const { store, scheduler, ran } = setup();
    expect(() =>
      store.transaction(() => {
        scheduler.schedule({ kind: 'mark', at: 10, testClock: 'clock_a', payload: 'undone', key: 'u' });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    scheduler.schedule({ kind: 'mark', at: 10, testClock: 'clock_b', payload: 'b' });
    scheduler.schedule({ kind: 'mark', at: 11, testClock: 'clock_b', payload: 'b2' });
    expect(scheduler.cancelClock('clock_b')).toBe(2);
    expect(await scheduler.runDue('clock_a', 100)).toBe(0);
    expect(await scheduler.runDue('clock_b', 100)).toBe(0);
    scheduler.schedule({ kind: 'mark', at: 10, testClock: 'clock_c', payload: 'before reset' });
    store.reset();
    expect(scheduler.pending('clock_c')).toEqual([]);
    scheduler.schedule({ kind: 'mark', at: 10, testClock: 'clock_c', payload: 'after reset' });
    expect(await scheduler.runDue('clock_c', 100)).toBe(1);
    expect(ran).toEqual(['after reset']);
  });
});
