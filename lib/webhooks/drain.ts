// The job runners' webhook drain (WEBHOOK_PROCESSING=worker): a loop that claims recorded events as soon as they
// are due and processes up to `concurrency` customers' events at once, so web servers only verify, record and answer. Claims use
// FOR UPDATE SKIP LOCKED with a lease (db/queries/events.ts), so any number of drains share the ledger and each
// event is applied once; a drain that dies leaves its claims to expire and be taken again.
import pLimit from 'p-limit';
import type Stripe from 'stripe';
import { claimDueStripeEvents, type ClaimedStripeEvent } from '@/db/queries/events';
import { processClaimedEvent, type ProcessOptions } from './process';
import { eventObject } from './types';

export type WebhookDrain = { stop(): Promise<void> };

/**
 * Claimed events grouped by the customer their object belongs to (an event with none is a group of its own),
 * each group in Stripe's order. A group runs in one slot, one event after another: its events would otherwise
 * wait on each other for the customer's sync lock, and once the first has re-read an object the others find it
 * fresh instead of re-reading it. Pure.
 */
export function groupByCustomer(claims: ClaimedStripeEvent[]): ClaimedStripeEvent[][] {
  const groups = new Map<string, ClaimedStripeEvent[]>();
  const ordered = [...claims].sort((a, b) => createdOf(a) - createdOf(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const claim of ordered) {
    const object = eventObject(claim.payload as Stripe.Event);
    const key = (object.type === 'customer' ? object.id : object.customerId) ?? `event:${claim.id}`;
    const group = groups.get(key);
    if (group) group.push(claim);
    else groups.set(key, [claim]);
  }
  return [...groups.values()];
}

function createdOf(claim: ClaimedStripeEvent): number {
  const created = (claim.payload as { created?: unknown }).created;
  return typeof created === 'number' ? created : 0;
}

export function startWebhookDrain(options: ProcessOptions & { concurrency: number; idleMs?: number }): WebhookDrain {
  const limit = pLimit(options.concurrency);
  const idleMs = options.idleMs ?? 200;
  const inFlight = new Set<Promise<void>>();
  let running = true;
  let wake: (() => void) | null = null;
  /** Until `ms` pass (never, when null), a group finishes or the drain stops. */
  const pause = (ms: number | null) =>
    new Promise<void>((resolve) => {
      const timer = ms === null ? null : setTimeout(resolve, ms);
      wake = () => {
        if (timer) clearTimeout(timer);
        resolve();
      };
    });
  const run = (group: ClaimedStripeEvent[]) => {
    const task = limit(async () => {
      for (const claim of group) await processClaimedEvent(claim, options);
    }).finally(() => {
      inFlight.delete(task);
      wake?.();
    });
    inFlight.add(task);
  };

  const loop = (async () => {
    while (running) {
      try {
        // The next claim is made as soon as a slot is free and nothing claimed waits for one, so a long group
        // does not hold the other slots idle until it ends.
        if (limit.pendingCount > 0 || limit.activeCount >= options.concurrency) {
          await pause(null);
          continue;
        }
        // Events are claimed in Stripe's order, so one customer's events come together: enough per claim for
        // every slot to get a customer of its own.
        const claims = await claimDueStripeEvents({ limit: options.concurrency * 16, now: options.now });
        if (claims.length === 0) {
          await pause(idleMs);
          continue;
        }
        for (const group of groupByCustomer(claims)) run(group);
      } catch (error) {
        // The database is away (restart, network): claims not made are simply made later.
        console.error(`[webhooks] drain: ${error instanceof Error ? error.message : String(error)}`);
        await pause(1_000);
      }
    }
    await Promise.all(inFlight);
  })();

  return {
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}
