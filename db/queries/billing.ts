// What a customer sees of its billing, read from the Stripe mirror only (never Stripe on a page view).
// Callers have already established membership (requireMembership / orgActionClient); every query here is
// scoped by the organization id.
import { desc, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { preparedQuery } from '@/db/prepared-query';
import { stripeInvoices, stripeSubscriptions } from '@/db/schema';
import { listedToCustomer } from './invoices';
import { getCurrentSubscription, type SubscriptionView } from './subscriptions';

export type SubscriptionStatus = (typeof stripeSubscriptions.$inferSelect)['status'];
export type InvoiceStatus = (typeof stripeInvoices.$inferSelect)['status'];

const selectRecentInvoices = preparedQuery('recent_invoices', (tx) =>
  tx
    .select({
      id: stripeInvoices.id,
      number: stripeInvoices.number,
      status: stripeInvoices.status,
      currency: stripeInvoices.currency,
      total: stripeInvoices.total,
      amountDue: stripeInvoices.amountDue,
      amountRemaining: stripeInvoices.amountRemaining,
      stripeCreated: stripeInvoices.stripeCreated,
      dueDate: stripeInvoices.dueDate,
      hostedInvoiceUrl: stripeInvoices.hostedInvoiceUrl,
    })
    .from(stripeInvoices)
    .where(listedToCustomer(sql.placeholder('organizationId')))
    .orderBy(desc(stripeInvoices.stripeCreated), desc(stripeInvoices.id))
    .limit(sql.placeholder('limit')),
);

export type InvoiceSummary = {
  id: string;
  number: string | null;
  status: InvoiceStatus;
  currency: string;
  total: number;
  amountDue: number;
  amountRemaining: number;
  created: Date;
  dueDate: Date | null;
  hostedInvoiceUrl: string | null;
};

export type OrganizationOverview = {
  subscription: SubscriptionView | null;
  /** When the next invoice is expected: the end of the current period, unless the plan ends then. */
  nextInvoiceDate: Date | null;
  recentInvoices: InvoiceSummary[];
};

/**
 * Invoices the customer's lists show, newest first, by the same rule as the invoice list (`listedToCustomer`:
 * no drafts, no paid invoices of nothing).
 */
export async function listRecentInvoices(params: { organizationId: string; limit?: number }, tx: Tx = db): Promise<InvoiceSummary[]> {
  const rows = await selectRecentInvoices({ organizationId: params.organizationId, limit: Math.min(params.limit ?? 5, 100) }, tx);
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    status: row.status,
    currency: row.currency,
    total: row.total,
    amountDue: row.amountDue,
    amountRemaining: row.amountRemaining,
    created: row.stripeCreated,
    dueDate: row.dueDate,
    hostedInvoiceUrl: row.hostedInvoiceUrl,
  }));
}

/**
 * When the next invoice is expected: the end of the current period, unless the plan ends then, is paused, or is
 * never charged (every item free: the free tier's ¥0 renewal is no invoice a customer waits for).
 */
export function nextInvoiceDateOf(subscription: SubscriptionView | null): Date | null {
  if (!subscription || subscription.cancelAtPeriodEnd || subscription.cancelAt) return null;
  if (subscription.status === 'paused') return null;
  if (subscription.items.length > 0 && subscription.items.every((item) => item.unitAmount === 0)) return null;
  return subscription.currentPeriodEnd;
}

export async function getOrganizationOverview(params: { organizationId: string; locale?: string }, tx: Tx = db): Promise<OrganizationOverview> {
  const [subscription, recentInvoices] = await Promise.all([
    getCurrentSubscription(params, tx),
    listRecentInvoices({ organizationId: params.organizationId, limit: 5 }, tx),
  ]);
  return { subscription, nextInvoiceDate: nextInvoiceDateOf(subscription), recentInvoices };
}
