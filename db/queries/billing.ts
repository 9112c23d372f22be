// What a customer sees of its billing, read from the Stripe mirror only (never Stripe on a page view).
// Callers have already established membership (requireMembership / orgActionClient); every query here is
// scoped by the organization id.
import { and, asc, desc, eq, notInArray } from 'drizzle-orm';
import { listedToCustomer } from '@/db/queries/invoices';
import { db, type Tx } from '@/db';
import { stripeInvoices, stripePrices, stripeProducts, stripeSubscriptionItems, stripeSubscriptions } from '@/db/schema';
import { catalogText } from '@/lib/i18n/catalog-text';

export type SubscriptionStatus = (typeof stripeSubscriptions.$inferSelect)['status'];
export type InvoiceStatus = (typeof stripeInvoices.$inferSelect)['status'];

export type PlanItem = {
  id: string;
  productName: string;
  priceNickname: string | null;
  priceLookupKey: string | null;
  /** In the subscription's currency and minor unit; null for tiered or metered prices without a unit amount. */
  unitAmount: number | null;
  interval: string | null;
  intervalCount: number | null;
  usageType: string | null;
  quantity: number | null;
};

export type CurrentSubscription = {
  id: string;
  status: SubscriptionStatus;
  currency: string;
  collectionMethod: 'charge_automatically' | 'send_invoice';
  cancelAtPeriodEnd: boolean;
  cancelAt: Date | null;
  currentPeriodEnd: Date | null;
  trialEnd: Date | null;
  items: PlanItem[];
};

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
  subscription: CurrentSubscription | null;
  /** When the next invoice is expected: the end of the current period, unless the plan ends then. */
  nextInvoiceDate: Date | null;
  recentInvoices: InvoiceSummary[];
};

/**
 * Subscriptions that do not describe the customer's plan: over (`canceled`), or a checkout whose first payment
 * never succeeded (`incomplete` while it waits or after a decline, `incomplete_expired` once abandoned). A
 * declined attempt must not replace the running plan on the overview.
 */
const notCurrentStatuses: SubscriptionStatus[] = ['canceled', 'incomplete', 'incomplete_expired'];

/** The amount of `price` in `currency`: its own amount, or the matching entry of its currency options. */
export function unitAmountIn(
  price: { currency: string; unitAmount: number | null; currencyOptions: Record<string, { unit_amount: number | null }> },
  currency: string,
): number | null {
  if (price.currency === currency) return price.unitAmount;
  return price.currencyOptions[currency]?.unit_amount ?? null;
}

/** `locale` picks the products' display names (lib/i18n/catalog-text.ts); English when not given. */
export async function getCurrentSubscription(params: { organizationId: string; locale?: string }, tx: Tx = db): Promise<CurrentSubscription | null> {
  const [subscription] = await tx
    .select()
    .from(stripeSubscriptions)
    .where(and(eq(stripeSubscriptions.organizationId, params.organizationId), notInArray(stripeSubscriptions.status, notCurrentStatuses)))
    .orderBy(desc(stripeSubscriptions.stripeCreated))
    .limit(1);
  if (!subscription) return null;

  const rows = await tx
    .select({ item: stripeSubscriptionItems, price: stripePrices, productName: stripeProducts.name, productMetadata: stripeProducts.metadata })
    .from(stripeSubscriptionItems)
    .leftJoin(stripePrices, eq(stripePrices.id, stripeSubscriptionItems.priceId))
    .leftJoin(stripeProducts, eq(stripeProducts.id, stripePrices.productId))
    .where(eq(stripeSubscriptionItems.subscriptionId, subscription.id))
    .orderBy(asc(stripeSubscriptionItems.stripeCreated), asc(stripeSubscriptionItems.id));

  return {
    id: subscription.id,
    status: subscription.status,
    currency: subscription.currency,
    collectionMethod: subscription.collectionMethod,
    cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
    cancelAt: subscription.cancelAt,
    currentPeriodEnd: subscription.currentPeriodEnd,
    trialEnd: subscription.trialEnd,
    items: rows.map(({ item, price, productName, productMetadata }) => ({
      id: item.id,
      productName: catalogText(productMetadata, 'name', productName, params.locale ?? 'en') ?? price?.nickname ?? item.priceId,
      priceNickname: price ? catalogText(price.metadata, 'nickname', price.nickname, params.locale ?? 'en') : null,
      priceLookupKey: price?.lookupKey ?? null,
      unitAmount: price ? unitAmountIn(price, subscription.currency) : null,
      interval: price?.recurringInterval ?? null,
      intervalCount: price?.recurringIntervalCount ?? null,
      usageType: price?.usageType ?? null,
      quantity: item.quantity,
    })),
  };
}

/**
 * Invoices the customer's lists show, newest first, by the same rule as the invoice list (`listedToCustomer`:
 * no drafts, no paid invoices of nothing).
 */
export async function listRecentInvoices(params: { organizationId: string; limit?: number }, tx: Tx = db): Promise<InvoiceSummary[]> {
  const rows = await tx
    .select()
    .from(stripeInvoices)
    .where(listedToCustomer(params.organizationId))
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

/**
 * When the next invoice is expected: the end of the current period, unless the plan ends then, is paused, or is
 * never charged (every item free: the free tier's ¥0 renewal is no invoice a customer waits for).
 */
export function nextInvoiceDateOf(subscription: CurrentSubscription | null): Date | null {
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
