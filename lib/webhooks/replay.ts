// Operators replay ledger events: one (any finished status), or every failed one. Replay puts the event back
// to pending and processes it at once through the normal path (process.ts): handlers are idempotent and the
// sync convergent, so replaying an event that already applied changes nothing. Audited.
import type Stripe from 'stripe';
import { listStripeEvents, requeueStripeEvent } from '@/db/queries/events';
import { recordAudit, type AuditActor } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { processStripeEvent, type EventOutcome } from './process';

export async function replayStripeEvent(params: { eventId: string; actor: AuditActor; stripe?: Stripe }): Promise<EventOutcome | 'skipped'> {
  if (!(await requeueStripeEvent({ id: params.eventId }))) {
    throw new AppError('conflict', `event ${params.eventId} is unknown or still being processed`);
  }
  const outcome = await processStripeEvent(params.eventId, { stripe: params.stripe });
  await recordAudit({ organizationId: null, actor: params.actor, action: 'event.replayed', target: { type: 'stripe_event', id: params.eventId }, data: { outcome } });
  return outcome;
}

export const REPLAY_FAILED_LIMIT = 200;

export async function replayFailedStripeEvents(params: { actor: AuditActor; stripe?: Stripe }): Promise<Record<EventOutcome | 'skipped', number>> {
  const failed = await listStripeEvents({ status: 'failed', limit: REPLAY_FAILED_LIMIT });
  const counts: Record<EventOutcome | 'skipped', number> = { processed: 0, ignored: 0, failed: 0, lease_lost: 0, skipped: 0 };
  for (const event of failed) {
    if (!(await requeueStripeEvent({ id: event.id }))) continue;
    counts[await processStripeEvent(event.id, { stripe: params.stripe })] += 1;
  }
  await recordAudit({ organizationId: null, actor: params.actor, action: 'events.replayed_failed', data: { ...counts, total: failed.length } });
  return counts;
}
