// An organization's subscriptions and payment problems as the plan pages and billing actions need them, read
// from the mirror. Every query is scoped by organization: another organization's ids find nothing.
import { and, asc, desc, eq, gt, inArray, notInArray, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { stripeInvoices, stripeSubscriptionItems, stripeSubscriptions } from '@/db/schema';
import type { SubscriptionStatus } from './billing';

export type LiveSubscriptionItem = { id: string; priceId: string; quantity: number | null };

export type LiveSubscription = {
  id: string;
  customerId: string;
  status: SubscriptionStatus;
  currency: string;
  collectionMethod: 'charge_automatically' | 'send_invoice';
  cancelAtPeriodEnd: boolean;
  cancelAt: Date | null;
  currentPeriodEnd: Date | null;
  latestInvoiceId: string | null;
  metadata: Record<string, string>;
  items: LiveSubscriptionItem[];
};

/** Over: these no longer describe the customer's plan. */
const endedStatuses: SubscriptionStatus[] = ['canceled', 'incomplete_expired'];

async function withItems(rows: (typeof stripeSubscriptions.$inferSelect)[], tx: Tx): Promise<LiveSubscription[]> {
  if (rows.length === 0) return [];
  const items = await tx
    .select()
    .from(stripeSubscriptionItems)
    .where(inArray(stripeSubscriptionItems.subscriptionId, rows.map((r) => r.id)))
    .orderBy(asc(stripeSubscriptionItems.stripeCreated), asc(stripeSubscriptionItems.id));
  return rows.map((row) => ({
    id: row.id,
    customerId: row.customerId,
    status: row.status,
    currency: row.currency,
    collectionMethod: row.collectionMethod,
    cancelAtPeriodEnd: row.cancelAtPeriodEnd,
    cancelAt: row.cancelAt,
    currentPeriodEnd: row.currentPeriodEnd,
    latestInvoiceId: row.latestInvoiceId,
    metadata: row.metadata,
    items: items.filter((i) => i.subscriptionId === row.id).map((i) => ({ id: i.id, priceId: i.priceId, quantity: i.quantity })),
  }));
}

/** Subscriptions that are not over (incomplete ones included), newest first. */
export async function listLiveSubscriptions(params: { organizationId: string }, tx: Tx = db): Promise<LiveSubscription[]> {
  const rows = await tx
    .select()
    .from(stripeSubscriptions)
    .where(and(eq(stripeSubscriptions.organizationId, params.organizationId), notInArray(stripeSubscriptions.status, endedStatuses)))
    .orderBy(desc(stripeSubscriptions.stripeCreated), desc(stripeSubscriptions.id));
  return withItems(rows, tx);
}

/** One subscription of the organization (any status), or null when it is unknown or another organization's. */
export async function findSubscriptionForOrganization(
  params: { organizationId: string; subscriptionId: string },
  tx: Tx = db,
): Promise<LiveSubscription | null> {
  const rows = await tx
    .select()
    .from(stripeSubscriptions)
    .where(and(eq(stripeSubscriptions.organizationId, params.organizationId), eq(stripeSubscriptions.id, params.subscriptionId)))
    .limit(1);
  const [subscription] = await withItems(rows, tx);
  return subscription ?? null;
}

export type PaymentProblem =
  | { kind: 'subscription'; subscriptionId: string; status: SubscriptionStatus; invoiceId: string | null }
  | { kind: 'invoice'; invoiceId: string; amountRemaining: number; currency: string };

/**
 * What the failed-payment banner shows: a subscription that is `past_due` or `incomplete`, else an open
 * invoice charged automatically whose payment was attempted and failed. Null when all is well.
 */
export async function findPaymentProblem(params: { organizationId: string }, tx: Tx = db): Promise<PaymentProblem | null> {
  const [subscription] = await tx
    .select({ id: stripeSubscriptions.id, status: stripeSubscriptions.status, latestInvoiceId: stripeSubscriptions.latestInvoiceId })
    .from(stripeSubscriptions)
    .where(
      and(
        eq(stripeSubscriptions.organizationId, params.organizationId),
        inArray(stripeSubscriptions.status, ['past_due', 'incomplete', 'unpaid']),
        // A checkout in progress is incomplete too: only count it once its first payment was attempted.
        sql`(${stripeSubscriptions.status} <> 'incomplete' or exists (
          select 1 from ${stripeInvoices} i where i.id = ${stripeSubscriptions.latestInvoiceId}
          and coalesce((i.data->>'attempt_count')::int, 0) > 0))`,
      ),
    )
    .orderBy(desc(stripeSubscriptions.stripeCreated))
    .limit(1);
  if (subscription) {
    return { kind: 'subscription', subscriptionId: subscription.id, status: subscription.status, invoiceId: subscription.latestInvoiceId };
  }
  const [invoice] = await tx
    .select({ id: stripeInvoices.id, amountRemaining: stripeInvoices.amountRemaining, currency: stripeInvoices.currency })
    .from(stripeInvoices)
    .where(
      and(
        eq(stripeInvoices.organizationId, params.organizationId),
        eq(stripeInvoices.status, 'open'),
        eq(stripeInvoices.collectionMethod, 'charge_automatically'),
        gt(stripeInvoices.amountRemaining, 0),
        sql`coalesce((${stripeInvoices.data}->>'attempt_count')::int, 0) > 0`,
      ),
    )
    .orderBy(desc(stripeInvoices.stripeCreated))
    .limit(1);
  return invoice ? { kind: 'invoice', invoiceId: invoice.id, amountRemaining: invoice.amountRemaining, currency: invoice.currency } : null;
}

/** Whether the organization has ever paid a non-zero invoice (first-time-only promotion codes refuse it). */
export async function hasPaidInvoice(params: { organizationId: string }, tx: Tx = db): Promise<boolean> {
  const [row] = await tx
    .select({ id: stripeInvoices.id })
    .from(stripeInvoices)
    .where(and(eq(stripeInvoices.organizationId, params.organizationId), eq(stripeInvoices.status, 'paid'), gt(stripeInvoices.amountPaid, 0)))
    .limit(1);
  return Boolean(row);
}
