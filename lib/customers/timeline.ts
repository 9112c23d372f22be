// The customer timeline: the audit log (what people, jobs and Stripe-driven handlers did) and the webhook
// ledger (what Stripe told us) merged newest first. Pure; the page describes each entry in words.
import type { ActivityEntry } from '@/db/queries/activity';

export type LedgerEventLike = { id: string; type: string; status: string; stripeCreated: Date; lastError: string | null };

export type TimelineEntry = { kind: 'audit'; at: Date; key: string; audit: ActivityEntry } | { kind: 'stripe_event'; at: Date; key: string; event: LedgerEventLike };

export function mergeTimeline(audit: readonly ActivityEntry[], events: readonly LedgerEventLike[], limit = 100): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...audit.map((a) => ({ kind: 'audit' as const, at: a.createdAt, key: `audit:${a.id}`, audit: a })),
    ...events.map((e) => ({ kind: 'stripe_event' as const, at: e.stripeCreated, key: `event:${e.id}`, event: e })),
  ];
  // Newest first; at the same instant the audit entry (our consequence) sits above the event that caused it.
  entries.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.kind === b.kind ? b.key.localeCompare(a.key) : a.kind === 'audit' ? -1 : 1));
  return entries.slice(0, limit);
}
