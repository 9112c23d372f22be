// Usage metering (issue 11): API keys an organization's product authenticates with, the accepted usage events
// (the source of truth for summaries, dashboards and billing), and the state of reporting them to Stripe meters.
// Invariants: an event is stored once per (organization, identifier); Stripe receives, for each reported window,
// exactly the sum of that window's accepted events (see docs/architecture.md, "Usage reporting").
import { sql } from 'drizzle-orm';
import { bigserial, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { organizations } from './organizations';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The visible start of the key (`sk_usage_ab12cd34`), shown in the list so a key can be recognised. */
    prefix: text('prefix').notNull(),
    /** SHA-256 hex of the whole key; the key itself is shown once and never stored. */
    keyHash: text('key_hash').notNull().unique(),
    createdByUserId: text('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('api_keys_org_idx').on(t.organizationId)],
);

export const usageEvents = pgTable(
  'usage_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** The meter's event name (`device_hours`). */
    meter: text('meter').notNull(),
    /** Exact decimal; sums are exact. */
    value: numeric('value').notNull(),
    /** The event's own timestamp (when the usage happened). */
    occurredAt: ts('occurred_at').notNull(),
    /** The caller's idempotency key: a repeat within the organization is a harmless duplicate. */
    identifier: text('identifier').notNull(),
    /** When it was accepted (the inserting transaction's start); the reporter scans recent arrivals by it. */
    receivedAt: ts('received_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('usage_events_org_identifier_idx').on(t.organizationId, t.identifier),
    index('usage_events_org_meter_occurred_idx').on(t.organizationId, t.meter, t.occurredAt),
    // BRIN: arrivals are appended in time order, so a block-range index finds recent ones for the reporter at
    // almost no cost per insert (a btree here would be a fourth tree to update for every event).
    index('usage_events_received_idx').using('brin', t.receivedAt),
  ],
);

/**
 * What was sent to Stripe for one customer·meter·hour window. `reportedValue` is the sum Stripe holds for the
 * window (the sum of the deltas sent under identifiers `…:1` … `…:reportSequence`). A report in flight is written
 * here first (`pendingSequence`, `pendingValue`) and only then sent, so a crash between the Stripe call and
 * recording it re-sends the same identifier with the same value, which Stripe deduplicates.
 */
export const usageReportWindows = pgTable(
  'usage_report_windows',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    meter: text('meter').notNull(),
    windowStart: ts('window_start').notNull(),
    windowEnd: ts('window_end').notNull(),
    stripeCustomerId: text('stripe_customer_id').notNull(),
    reportedValue: numeric('reported_value').notNull().default('0'),
    reportSequence: integer('report_sequence').notNull().default(0),
    pendingSequence: integer('pending_sequence'),
    pendingValue: numeric('pending_value'),
    /** A reporter working on the pending report holds it until then; after it, another reporter re-sends it. */
    pendingLeaseUntil: ts('pending_lease_until'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.meter, t.windowStart] }),
    index('usage_report_windows_pending_idx')
      .on(t.pendingLeaseUntil)
      .where(sql`${t.pendingSequence} is not null`),
  ],
);

/** Singleton rows of reporter state by name (`scan_cursor`: up to when arrivals have been looked at). */
export const usageReporterState = pgTable('usage_reporter_state', {
  name: text('name').primaryKey(),
  at: ts('at').notNull(),
});
