// The webhook event ledger: every Stripe event id we accepted, once. The primary key makes a duplicate
// delivery a no-op; `status` drives retries of processing that failed (the ledger doubles as the queue).
// A worker claims an event by moving it to 'processing' with a fresh `leaseToken` and `lockedUntil`; only the
// holder of the current lease may record the outcome, so an event is never applied twice.
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const stripeEventStatus = pgEnum('stripe_event_status', ['pending', 'processing', 'processed', 'failed', 'ignored']);

export const stripeEvents = pgTable(
  'stripe_events',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    apiVersion: text('api_version'),
    livemode: text('livemode').notNull().default('false'),
    /** The id of `data.object`, so the ledger can be read per customer / invoice. */
    objectId: text('object_id'),
    stripeCreated: timestamp('stripe_created', { withTimezone: true }).notNull(),
    status: stripeEventStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    payload: jsonb('payload').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    /** When a failed event may be tried again (exponential backoff). */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    /** Set when claimed; a claim whose lease expired (crashed worker) may be taken over. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    leaseToken: text('lease_token'),
  },
  (t) => [index('stripe_events_status_idx').on(t.status, t.nextAttemptAt), index('stripe_events_object_idx').on(t.objectId)],
);
