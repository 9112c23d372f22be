// The outbox: every email the portal sends is a row first (dedupe key makes re-enqueueing harmless), then
// delivered by the mail worker. The dev mailbox holds what would have gone out when no SMTP_URL is set.
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';

export const notificationStatus = pgEnum('notification_status', ['pending', 'sent', 'failed']);

export const notifications = pgTable(
  'notifications',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    organizationId: text('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    /** e.g. 'payment_failed', 'invoice_finalized', 'operator_payment_failed'. */
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    /** The recipient's language ('ja' | 'en'): the email is rendered in it at delivery (and on resend). */
    locale: text('locale').notNull().default('en'),
    subject: text('subject').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    dedupeKey: text('dedupe_key').notNull().unique(),
    status: notificationStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** Held by one delivery attempt until then: two runners never send one row at the same time. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    sendAfter: timestamp('send_after', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_status_idx').on(t.status, t.sendAfter)],
);

export const devMailbox = pgTable(
  'dev_mailbox',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    to: text('to').notNull(),
    from: text('from').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dev_mailbox_to_idx').on(t.to, t.createdAt)],
);

/** Operator settings by key (e.g. 'notifications', 'branding'); each value is parsed with its zod schema on read. */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A customer's choice about non-essential emails (reminders); payment and invoice emails are always sent. */
export const notificationPreferences = pgTable('notification_preferences', {
  organizationId: text('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  remindersEnabled: boolean('reminders_enabled').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Stripe test clocks' frozen time, from `test_helpers.test_clock.*` events: a customer on a test clock lives at
 * that time, so time-based notifications follow the clock instead of the wall clock.
 */
export const stripeTestClocks = pgTable('stripe_test_clocks', {
  id: text('id').primaryKey(),
  frozenTime: timestamp('frozen_time', { withTimezone: true }).notNull(),
  syncedAt: timestamp('synced_at', { withTimezone: true }).notNull().defaultNow(),
});
