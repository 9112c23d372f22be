// Outbox delivery: rows keyed by a dedupe key (inserting a moment twice is a no-op, so computing a moment again
// never sends it again), claimed and marked by the delivery job; and the facts a notification is written from,
// resolved by Stripe ids as webhook handlers know them. Each row carries its own organization.
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { notifications, organizations, stripeCreditNotes, stripeCustomers, stripeInvoices, users } from '@/db/schema';
import type { MirroredInvoice, NewNotification, NotificationRow } from './notifications';

/** Inserts the row unless its dedupe key exists; returns the new row, or null when it was already there. */
export async function insertNotificationOnce(row: NewNotification, tx: Tx = db): Promise<NotificationRow | null> {
  const [inserted] = await tx.insert(notifications).values(row).onConflictDoNothing({ target: notifications.dedupeKey }).returning();
  return inserted ?? null;
}

/**
 * Takes a pending row for one delivery attempt: counts the attempt and holds the row for `leaseSeconds`, so a
 * second runner handed the same row (a duplicate job) gets null instead of sending it again.
 */
export async function claimNotificationForDelivery(
  params: { id: string; leaseSeconds?: number; now?: Date },
  tx: Tx = db,
): Promise<NotificationRow | null> {
  const now = params.now ?? new Date();
  const until = new Date(now.getTime() + (params.leaseSeconds ?? 300) * 1000);
  const [row] = await tx
    .update(notifications)
    .set({ attempts: sql`${notifications.attempts} + 1`, lockedUntil: until })
    .where(
      and(
        eq(notifications.id, params.id),
        eq(notifications.status, 'pending'),
        or(isNull(notifications.lockedUntil), lt(notifications.lockedUntil, now)),
      ),
    )
    .returning();
  return row ?? null;
}

export async function markNotificationSent(params: { id: string }, tx: Tx = db): Promise<void> {
  await tx
    .update(notifications)
    .set({ status: 'sent', sentAt: new Date(), lastError: null, lockedUntil: null })
    .where(eq(notifications.id, params.id));
}

/** Records a failed attempt; `final` marks the row failed (no more automatic retries), otherwise it stays pending. */
export async function markNotificationAttemptFailed(params: { id: string; error: string; final: boolean }, tx: Tx = db): Promise<void> {
  await tx
    .update(notifications)
    .set({ status: params.final ? 'failed' : 'pending', lastError: params.error.slice(0, 2000), lockedUntil: null })
    .where(eq(notifications.id, params.id));
}

export type NotificationAudience = {
  organizationId: string;
  organizationName: string;
  customerId: string;
  /** The billing email the customer chose (the Stripe customer's email), else the organization's. */
  email: string | null;
  /** The customer's first preferred locale as Stripe holds it ('ja', 'en-US'…), or null. */
  preferredLocale: string | null;
  testClockId: string | null;
  /** The organization's time zone: a due date is a day there. */
  timeZone: string;
};

/** Who a customer's emails go to, from the mirror; null for a customer no organization owns. */
export async function getNotificationAudience(params: { customerId: string }, tx: Tx = db): Promise<NotificationAudience | null> {
  const [row] = await tx
    .select({ organization: organizations, customer: stripeCustomers })
    .from(organizations)
    .leftJoin(stripeCustomers, eq(stripeCustomers.id, organizations.stripeCustomerId))
    .where(eq(organizations.stripeCustomerId, params.customerId))
    .limit(1);
  if (!row) return null;
  const data = (row.customer?.data ?? {}) as { test_clock?: string | { id: string } | null };
  const clock = data.test_clock;
  return {
    organizationId: row.organization.id,
    organizationName: row.organization.name,
    customerId: params.customerId,
    email: row.customer?.email ?? row.organization.billingEmail ?? null,
    preferredLocale: row.customer?.preferredLocales[0] ?? null,
    testClockId: typeof clock === 'string' ? clock : (clock?.id ?? null),
    timeZone: row.organization.timeZone,
  };
}

/** An invoice from the mirror by Stripe id (the event names it; the organization comes from the row). */
export async function getInvoiceForNotification(params: { invoiceId: string }, tx: Tx = db): Promise<MirroredInvoice | null> {
  const [row] = await tx.select().from(stripeInvoices).where(eq(stripeInvoices.id, params.invoiceId)).limit(1);
  return row ?? null;
}

/** A credit note from the mirror, for its moment: crosses organizations (the caller finds the audience). */
export async function getCreditNoteForNotification(params: { creditNoteId: string }, tx: Tx = db): Promise<typeof stripeCreditNotes.$inferSelect | null> {
  const [row] = await tx.select().from(stripeCreditNotes).where(eq(stripeCreditNotes.id, params.creditNoteId)).limit(1);
  return row ?? null;
}

/** Interface languages of the users with these emails (operators reading an alert). */
export async function listUserLocalesByEmail(params: { emails: string[] }, tx: Tx = db): Promise<Map<string, string>> {
  if (params.emails.length === 0) return new Map();
  const rows = await tx.select({ email: users.email, locale: users.locale }).from(users).where(inArray(users.email, params.emails));
  return new Map(rows.map((r) => [r.email.toLowerCase(), r.locale]));
}
