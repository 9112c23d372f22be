// The job runners' webhook drain (WEBHOOK_PROCESSING=worker): a loop that claims recorded events as soon as they
// are due and processes up to `concurrency` at once, so web servers only verify, record and answer. Claims use
// FOR UPDATE SKIP LOCKED with a lease (db/queries/events.ts), so any number of drains share the ledger and each
// event is applied once; a drain that dies leaves its claims to expire and be taken again.
import pLimit from 'p-limit';
import { claimDueStripeEvents } from '@/db/queries/events';
import { processClaimedEvent, type ProcessOptions } from './process';

export type WebhookDrain = { stop(): Promise<void> };

export function startWebhookDrain(options: ProcessOptions & { concurrency: number; idleMs?: number }): WebhookDrain {
  const limit = pLimit(options.concurrency);
  const idleMs = options.idleMs ?? 200;
  let running = true;
  let wake: (() => void) | null = null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    while (running) {
      try {
        // A few batches' worth per claim, so the slots stay busy while the next claim is made.
        const claims = await claimDueStripeEvents({ limit: options.concurrency * 4, now: options.now });
        if (claims.length === 0) {
          await pause(idleMs);
          continue;
        }
        await Promise.all(claims.map((claim) => limit(() => processClaimedEvent(claim, options))));
      } catch (error) {
        // The database is away (restart, network): claims not made are simply made later.
        console.error(`[webhooks] drain: ${error instanceof Error ? error.message : String(error)}`);
        await pause(1_000);
      }
    }
  })();

  return {
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}
