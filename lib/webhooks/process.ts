// Processing of recorded events. The route processes a fresh event right after answering; the background
// worker (lib/jobs) picks up whatever is due: failed attempts past their backoff, events whose immediate
// processing never ran, and claims abandoned by a crashed worker. An event is leased to one worker at a time
// and its outcome (with its audit entries) is committed only by the lease holder, so it is applied once.
import type Stripe from 'stripe';
import { db, type Tx } from '@/db';
import {
  claimDueStripeEvents,
  claimPendingStripeEvent,
  completeStripeEvent,
  failStripeEvent,
  type ClaimedStripeEvent,
} from '@/db/queries/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { nextAttemptAt } from './backoff';
import { dispatchStripeEvent } from './dispatch';

export type ProcessOptions = {
  /** Defaults to the app's client. */
  stripe?: Stripe;
  /** The clock for backoff and due-ness; tests move it forward instead of waiting. */
  now?: Date;
};

export type EventOutcome = 'processed' | 'ignored' | 'failed' | 'lease_lost';

class LeaseLostError extends Error {}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const requestId = (error as { requestId?: unknown }).requestId;
    return typeof requestId === 'string' ? `${error.message} (Stripe request ${requestId})` : error.message;
  }
  return String(error);
}

/** Runs one claimed event to its outcome and records it. Never throws: failures are recorded for retry. */
export async function processClaimedEvent(claim: ClaimedStripeEvent, options: ProcessOptions = {}): Promise<EventOutcome> {
  const stripe = options.stripe ?? defaultStripe;
  try {
    // `attempts` counts this claim: 1 is the first run; a retry or a replay re-reads everything.
    const recordedAt = claim.attempts === 1 ? claim.receivedAt : undefined;
    const result = await dispatchStripeEvent(claim.payload as Stripe.Event, { stripe, recordedAt });
    const audit = result.audit ?? [];
    const complete = async (tx?: Tx) => {
      const mine = await completeStripeEvent({ id: claim.id, leaseToken: claim.leaseToken, status: result.outcome }, tx);
      if (!mine) throw new LeaseLostError();
      for (const entry of audit) await recordAudit(entry, tx);
    };
    // Audit entries commit with the outcome; an outcome alone is one statement, which needs no transaction.
    await (audit.length > 0 ? db.transaction(complete) : complete());
    return result.outcome;
  } catch (error) {
    if (error instanceof LeaseLostError) {
      console.warn(`[webhooks] event ${claim.id} (${claim.type}): lease expired before completion; left to its new holder`);
      return 'lease_lost';
    }
    const message = describeError(error);
    const retryAt = nextAttemptAt(claim.attempts, options.now ?? new Date());
    console.error(
      `[webhooks] event ${claim.id} (${claim.type}) failed on attempt ${claim.attempts}: ${message}; ` +
        (retryAt ? `retrying at ${retryAt.toISOString()}` : 'no more automatic retries'),
    );
    try {
      await failStripeEvent({ id: claim.id, leaseToken: claim.leaseToken, error: message, nextAttemptAt: retryAt });
    } catch (recordError) {
      // The lease expires and the worker retries the event anyway; say why it could not be recorded.
      console.error(`[webhooks] event ${claim.id}: could not record the failure: ${describeError(recordError)}`);
    }
    return 'failed';
  }
}

/** Processes a just-recorded event now, unless another worker already holds or finished it. */
export async function processStripeEvent(eventId: string, options: ProcessOptions = {}): Promise<EventOutcome | 'skipped'> {
  const claim = await claimPendingStripeEvent({ id: eventId });
  if (!claim) return 'skipped';
  return processClaimedEvent(claim, options);
}

export type PendingRunResult = { claimed: number } & Record<EventOutcome, number>;

/**
 * Claims and processes due events in batches until none is due (or `maxEvents` were handled). Safe to run on
 * several servers at once.
 */
export async function processPendingEvents(options: ProcessOptions & { batchSize?: number; maxEvents?: number } = {}): Promise<PendingRunResult> {
  const result: PendingRunResult = { claimed: 0, processed: 0, ignored: 0, failed: 0, lease_lost: 0 };
  const maxEvents = options.maxEvents ?? 500;
  while (result.claimed < maxEvents) {
    const batch = await claimDueStripeEvents({ limit: Math.min(options.batchSize ?? 20, maxEvents - result.claimed), now: options.now });
    if (batch.length === 0) break;
    result.claimed += batch.length;
    for (const claim of batch) result[await processClaimedEvent(claim, options)] += 1;
  }
  return result;
}
