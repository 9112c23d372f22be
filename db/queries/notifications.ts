// The notification outbox as operators and customers see it, the time-based scan's candidates, and customers' email
// preferences. Delivery (insert once by dedupe key, claim, mark) lives in outbox.ts.
import { and, desc, eq, gt, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { notificationPreferences, notifications, organizations, stripeCustomers, stripeInvoices, stripePaymentMethods, stripePrices, stripeProducts, stripeSubscriptionItems, stripeSubscriptions } from '@/db/schema';

export type NotificationRow = typeof notifications.$inferSelect;
export type MirroredInvoice = typeof stripeInvoices.$inferSelect;

export type NewNotification = Pick<
  typeof notifications.$inferInsert,
  'organizationId' | 'kind' | 'recipient' | 'locale' | 'subject' | 'payload' | 'dedupeKey'
>;

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

export type ScanCandidates = {
  subscriptions: (typeof stripeSubscriptions.$inferSelect & {
    /** The first item's product name as Stripe has it (English); `planMetadata` holds its other languages (db/catalog-text.ts). */
    planName: string | null;
    planMetadata: Record<string, string> | null;
    interval: string | null;
    amount: number | null;
  })[];
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
        .select({ subscriptionId: stripeSubscriptionItems.subscriptionId, quantity: stripeSubscriptionItems.quantity, price: stripePrices, productName: stripeProducts.name, productMetadata: stripeProducts.metadata })
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
    return { ...subscription, planName: first?.productName ?? null, planMetadata: first?.productMetadata ?? null, interval: data?.recurring?.interval ?? null, amount };
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

/**
 * Organizations still on the free tier, across organizations (the scan is system work): set up on Stripe, with
 * no live subscription other than the free tier's (`seikyu_intent=free_tier`). `createdAfter` bounds the wall-clock
 * scan to sign-ups whose free year can still be ending; `customerIds` narrows it to some customers (one test clock).
 */
export async function listFreeTierOrganizationsForOperator(
  params: { createdAfter?: Date; customerIds?: string[] },
  tx: Tx = db,
): Promise<{ organizationId: string; customerId: string; createdAt: Date }[]> {
  const only = params.customerIds;
  if (only && only.length === 0) return [];
  const rows = await tx
    .select({ organizationId: organizations.id, customerId: organizations.stripeCustomerId, createdAt: organizations.createdAt })
    .from(organizations)
    .where(
      and(
        isNotNull(organizations.stripeCustomerId),
        params.createdAfter ? gt(organizations.createdAt, params.createdAfter) : undefined,
        only ? inArray(organizations.stripeCustomerId, only) : undefined,
        sql`not exists (
          select 1 from ${stripeSubscriptions}
          where ${stripeSubscriptions.customerId} = ${organizations.stripeCustomerId}
            and ${stripeSubscriptions.status} in ('trialing', 'active', 'past_due')
            and coalesce(${stripeSubscriptions.metadata}->>'seikyu_intent', '') <> 'free_tier'
        )`,
      ),
    );
  return rows.map((r) => ({ ...r, customerId: r.customerId! }));
}
