// The notification outbox, operator settings and customers' email preferences. Outbox rows are keyed by a
// dedupe key: inserting a moment twice is a no-op, so computing a moment again never sends it again.
import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import {
  appSettings,
  notificationPreferences,
  notifications,
  organizations,
  stripeCustomers,
  stripeInvoices,
  stripePaymentMethods,
  stripePrices,
  stripeProducts,
  stripeSubscriptionItems,
  stripeSubscriptions,
  stripeTestClocks,
  users,
} from '@/db/schema';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = Pick<
  typeof notifications.$inferInsert,
  'organizationId' | 'kind' | 'recipient' | 'locale' | 'subject' | 'payload' | 'dedupeKey'
>;

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

/** Puts a sent or failed row back to pending for an operator's resend; returns it, or null when unknown. */
export async function requeueNotificationForOperator(params: { id: string }, tx: Tx = db): Promise<NotificationRow | null> {
  const [row] = await tx
    .update(notifications)
    .set({ status: 'pending', attempts: 0, lockedUntil: null, lastError: null })
    .where(and(eq(notifications.id, params.id), inArray(notifications.status, ['sent', 'failed'])))
    .returning();
  return row ?? null;
}

/**
 * Pending rows never attempted and created before `createdBefore`: their delivery job was lost (rows that were
 * attempted are in the runner's retry schedule). Ordered oldest first.
 */
export async function listUnattemptedNotificationsForOperator(params: { createdBefore: Date; limit?: number }, tx: Tx = db): Promise<{ id: string }[]> {
  return tx
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.status, 'pending'), eq(notifications.attempts, 0), lt(notifications.createdAt, params.createdBefore)))
    .orderBy(notifications.createdAt)
    .limit(params.limit ?? 100);
}

export async function getNotificationForOperator(params: { id: string }, tx: Tx = db): Promise<NotificationRow | null> {
  const [row] = await tx.select().from(notifications).where(eq(notifications.id, params.id)).limit(1);
  return row ?? null;
}

export async function listNotificationsForOperator(
  params: { status?: NotificationRow['status']; limit?: number },
  tx: Tx = db,
): Promise<NotificationRow[]> {
  const query = tx.select().from(notifications);
  const filtered = params.status ? query.where(eq(notifications.status, params.status)) : query;
  return filtered.orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(Math.min(params.limit ?? 100, 500));
}

export async function listNotificationsForOrganization(params: { organizationId: string }, tx: Tx = db): Promise<NotificationRow[]> {
  return tx
    .select()
    .from(notifications)
    .where(eq(notifications.organizationId, params.organizationId))
    .orderBy(desc(notifications.createdAt));
}

export async function getAppSetting(params: { key: string }, tx: Tx = db): Promise<Record<string, unknown> | null> {
  const [row] = await tx.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, params.key)).limit(1);
  return row?.value ?? null;
}

export async function saveAppSetting(params: { key: string; value: Record<string, unknown> }, tx: Tx = db): Promise<void> {
  await tx
    .insert(appSettings)
    .values({ key: params.key, value: params.value })
    .onConflictDoUpdate({ target: appSettings.key, set: { value: params.value, updatedAt: new Date() } });
}

/** Reminders are on unless the organization turned them off. */
export async function getRemindersEnabled(params: { organizationId: string }, tx: Tx = db): Promise<boolean> {
  const [row] = await tx
    .select({ enabled: notificationPreferences.remindersEnabled })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.organizationId, params.organizationId))
    .limit(1);
  return row?.enabled ?? true;
}

export async function setRemindersEnabled(params: { organizationId: string; enabled: boolean }, tx: Tx = db): Promise<void> {
  await tx
    .insert(notificationPreferences)
    .values({ organizationId: params.organizationId, remindersEnabled: params.enabled })
    .onConflictDoUpdate({ target: notificationPreferences.organizationId, set: { remindersEnabled: params.enabled, updatedAt: new Date() } });
}

/** Keeps the latest frozen time of a test clock (events may arrive out of order: never moves it back). */
export async function upsertTestClockTime(params: { id: string; frozenTime: Date }, tx: Tx = db): Promise<void> {
  await tx
    .insert(stripeTestClocks)
    .values({ id: params.id, frozenTime: params.frozenTime })
    .onConflictDoUpdate({
      target: stripeTestClocks.id,
      set: { frozenTime: sql`greatest(${stripeTestClocks.frozenTime}, excluded.frozen_time)`, syncedAt: new Date() },
    });
}

export async function listTestClockTimes(tx: Tx = db): Promise<Map<string, Date>> {
  const rows = await tx.select().from(stripeTestClocks);
  return new Map(rows.map((r) => [r.id, r.frozenTime]));
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
  };
}

export type MirroredInvoice = typeof stripeInvoices.$inferSelect;

/** An invoice from the mirror by Stripe id (the event names it; the organization comes from the row). */
export async function getInvoiceForNotification(params: { invoiceId: string }, tx: Tx = db): Promise<MirroredInvoice | null> {
  const [row] = await tx.select().from(stripeInvoices).where(eq(stripeInvoices.id, params.invoiceId)).limit(1);
  return row ?? null;
}

/** Interface languages of the users with these emails (operators reading an alert). */
export async function listUserLocalesByEmail(params: { emails: string[] }, tx: Tx = db): Promise<Map<string, string>> {
  if (params.emails.length === 0) return new Map();
  const rows = await tx.select({ email: users.email, locale: users.locale }).from(users).where(inArray(users.email, params.emails));
  return new Map(rows.map((r) => [r.email.toLowerCase(), r.locale]));
}

export type ScanCandidates = {
  subscriptions: (typeof stripeSubscriptions.$inferSelect & { planName: string | null; interval: string | null; amount: number | null })[];
  defaultCards: (typeof stripePaymentMethods.$inferSelect & { ownerCustomerId: string })[];
  openBankTransferInvoices: MirroredInvoice[];
};

/**
 * What the time-based scan looks at, across organizations (the scan is system work): live subscriptions with
 * their first item's plan, customers' default cards, and open bank-transfer invoices with a due date.
 * `customerIds` narrows it to some customers (those on one test clock).
 */
export async function listNotificationScanCandidatesForOperator(params: { customerIds?: string[] }, tx: Tx = db): Promise<ScanCandidates> {
  const only = params.customerIds;
  if (only && only.length === 0) return { subscriptions: [], defaultCards: [], openBankTransferInvoices: [] };
  const subs = await tx
    .select({ subscription: stripeSubscriptions })
    .from(stripeSubscriptions)
    .where(
      and(
        inArray(stripeSubscriptions.status, ['trialing', 'active', 'past_due']),
        only ? inArray(stripeSubscriptions.customerId, only) : undefined,
      ),
    );
  const items = subs.length
    ? await tx
        .select({ subscriptionId: stripeSubscriptionItems.subscriptionId, quantity: stripeSubscriptionItems.quantity, price: stripePrices, productName: stripeProducts.name })
        .from(stripeSubscriptionItems)
        .leftJoin(stripePrices, eq(stripePrices.id, stripeSubscriptionItems.priceId))
        .leftJoin(stripeProducts, eq(stripeProducts.id, stripePrices.productId))
        .where(inArray(stripeSubscriptionItems.subscriptionId, subs.map((s) => s.subscription.id)))
    : [];
  const subscriptions = subs.map(({ subscription }) => {
    const own = items.filter((i) => i.subscriptionId === subscription.id);
    const first = own[0];
    const data = first?.price?.data as { recurring?: { interval?: string; usage_type?: string } | null } | undefined;
    // A renewal amount is shown only when every item is a licensed price in the subscription's currency
    // (metered usage is not known ahead).
    const unit = (price: (typeof own)[number]['price']) => {
      if (!price || (price.data as typeof data)?.recurring?.usage_type === 'metered') return null;
      return price.currency === subscription.currency ? price.unitAmount : (price.currencyOptions[subscription.currency]?.unit_amount ?? null);
    };
    const units = own.map((i) => [unit(i.price), i.quantity ?? 1] as const);
    const amount = units.length && units.every(([u]) => u != null) ? units.reduce((sum, [u, q]) => sum + u! * q, 0) : null;
    return { ...subscription, planName: first?.productName ?? null, interval: data?.recurring?.interval ?? null, amount };
  });
  const cards = await tx
    .select({ card: stripePaymentMethods, ownerCustomerId: stripeCustomers.id })
    .from(stripeCustomers)
    .innerJoin(stripePaymentMethods, eq(stripePaymentMethods.id, stripeCustomers.defaultPaymentMethodId))
    .where(and(eq(stripeCustomers.deleted, false), eq(stripePaymentMethods.type, 'card'), only ? inArray(stripeCustomers.id, only) : undefined));
  const openBankTransferInvoices = await tx
    .select()
    .from(stripeInvoices)
    .where(
      and(
        eq(stripeInvoices.status, 'open'),
        eq(stripeInvoices.collectionMethod, 'send_invoice'),
        sql`${stripeInvoices.dueDate} is not null`,
        only ? inArray(stripeInvoices.customerId, only) : undefined,
      ),
    );
  return { subscriptions, defaultCards: cards.map((c) => ({ ...c.card, ownerCustomerId: c.ownerCustomerId })), openBankTransferInvoices };
}

/** Customers on a test clock (from the mirrored customer object). */
export async function listCustomerIdsOnTestClock(params: { testClockId: string }, tx: Tx = db): Promise<string[]> {
  const rows = await tx
    .select({ id: stripeCustomers.id })
    .from(stripeCustomers)
    .where(sql`${stripeCustomers.data}->>'test_clock' = ${params.testClockId}`);
  return rows.map((r) => r.id);
}

/** Each customer's test clock id, for customers on one (the others live on the wall clock). */
export async function listCustomerTestClocks(tx: Tx = db): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: stripeCustomers.id, clock: sql<string>`${stripeCustomers.data}->>'test_clock'` })
    .from(stripeCustomers)
    .where(sql`${stripeCustomers.data}->>'test_clock' is not null`);
  return new Map(rows.map((r) => [r.id, r.clock]));
}
