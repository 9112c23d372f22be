// What a customer sees of its billing, read from the Stripe mirror only (never Stripe on a page view).
// Callers have already established membership (requireMembership / orgActionClient); every query here is
// scoped by the organization id.
import { and, desc, eq, ne, or } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { stripeInvoices, stripeSubscriptions } from '@/db/schema';
import { getCurrentSubscription, type SubscriptionView } from './subscriptions';

export type SubscriptionStatus = (typeof stripeSubscriptions.$inferSelect)['status'];
export type InvoiceStatus = (typeof stripeInvoices.$inferSelect)['status'];

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
 * Invoices the customer can see, newest first. Drafts are the operators' to review and are left out; with
 * `skipZeroPaid`, so are paid invoices of nothing (the free tier's monthly ¥0 invoice), which only add noise
 * to a summary.
 */
export async function listRecentInvoices(
  params: { organizationId: string; limit?: number; skipZeroPaid?: boolean },
  tx: Tx = db,
): Promise<InvoiceSummary[]> {
  const conditions = [eq(stripeInvoices.organizationId, params.organizationId), ne(stripeInvoices.status, 'draft')];
  if (params.skipZeroPaid) conditions.push(or(ne(stripeInvoices.total, 0), ne(stripeInvoices.status, 'paid'))!);
  const rows = await tx
    .select()
    .from(stripeInvoices)
    .where(and(...conditions))
    .orderBy(desc(stripeInvoices.stripeCreated), desc(stripeInvoices.id))
    .limit(Math.min(params.limit ?? 5, 100));
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

export function nextInvoiceDateOf(subscription: SubscriptionView | null): Date | null {
  if (!subscription || subscription.cancelAtPeriodEnd || subscription.cancelAt) return null;
  if (subscription.status === 'paused') return null;
  return subscription.currentPeriodEnd;
}

export async function getOrganizationOverview(params: { organizationId: string }, tx: Tx = db): Promise<OrganizationOverview> {
  const [subscription, recentInvoices] = await Promise.all([
    getCurrentSubscription(params, tx),
    listRecentInvoices({ organizationId: params.organizationId, limit: 5, skipZeroPaid: true }, tx),
  ]);
  return { subscription, nextInvoiceDate: nextInvoiceDateOf(subscription), recentInvoices };
}
