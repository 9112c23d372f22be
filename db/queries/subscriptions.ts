// An organization's subscriptions, read from the mirror through one view: status and dates, the paying card,
// and per item the plan (product name), the price (amount in the subscription's currency, interval) and the
// quantity. Every page, action and job reads subscriptions through here. Every query is scoped by organization:
// another organization's ids find nothing.
import { and, desc, eq, gt, notInArray, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { preparedQuery } from '@/db/prepared-query';
import { stripeCustomers, stripeInvoices, stripePrices, stripeProducts, stripeSubscriptionItems, stripeSubscriptions } from '@/db/schema';
import { catalogText } from '../catalog-text';
import { columnsWithoutData, qualified } from './columns';
import type { SubscriptionStatus } from './billing';

/** One item of a subscription: which plan, at which price, how many. */
export type SubscriptionItemView = {
  id: string;
  priceId: string;
  /** The product's name, else the price's nickname, else the price id (a price missing from the mirror). */
  productName: string;
  priceNickname: string | null;
  priceLookupKey: string | null;
  /** In the subscription's currency and minor unit; null for tiered or metered prices without a unit amount. */
  unitAmount: number | null;
  interval: string | null;
  intervalCount: number | null;
  usageType: string | null;
  quantity: number | null;
  /** The product's catalogue kind (`seikyu_kind`: plan, addon, usage…), null when it has none. */
  productKind: string | null;
  /**
   * What one unit of a metered price is, in the viewer's language ("device-hour", 「デバイス時間」): the product's unit
   * label, else its meter's name; null when the product names neither.
   */
  unitLabel: string | null;
};

/** The plan pages call an item a plan item. */
export type PlanItem = SubscriptionItemView;

export type SubscriptionView = {
  id: string;
  customerId: string;
  status: SubscriptionStatus;
  currency: string;
  collectionMethod: 'charge_automatically' | 'send_invoice';
  cancelAtPeriodEnd: boolean;
  cancelAt: Date | null;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  trialEnd: Date | null;
  latestInvoiceId: string | null;
  metadata: Record<string, string>;
  /** The subscription's own default card (Stripe charges it first), else null. */
  defaultPaymentMethodId: string | null;
  /** The card that pays: the subscription's own default, else the customer's; null for none (or bank transfer). */
  payingCardId: string | null;
  created: Date;
  items: SubscriptionItemView[];
};

/** Over: these no longer describe the customer's plan. */
const endedStatuses: SubscriptionStatus[] = ['canceled', 'incomplete_expired'];
/** Not over (incomplete ones included): what listLiveSubscriptions returns, for a list already read. */
export const isLiveSubscription = (subscription: { status: SubscriptionStatus }): boolean => !endedStatuses.includes(subscription.status);

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

const subscriptionColumns = columnsWithoutData(stripeSubscriptions);

/**
 * The one reader: the organization's subscriptions matching `where`, newest first, each with its items. Every
 * exported query below is this with a condition; a new field is added here once.
 */
async function selectSubscriptionViews(
  params: { organizationId: string; where?: SQL; limit?: number; locale?: string },
  tx: Tx,
): Promise<SubscriptionView[]> {
  const query = subscriptionRows(tx, params.organizationId, params.where);
  return toViews(params.limit ? await query.limit(params.limit) : await query, params.locale);
}

/** An item as the subscription's statement returns it (json_build_object below; amounts are bigint, so numbers). */
type ItemRow = {
  id: string;
  priceId: string;
  quantity: number | null;
  /** Null when the price is missing from the mirror. */
  price: {
    currency: string;
    unitAmount: number | null;
    currencyOptions: Record<string, { unit_amount: number | null }>;
    nickname: string | null;
    lookupKey: string | null;
    metadata: Record<string, string>;
    recurringInterval: string | null;
    recurringIntervalCount: number | null;
    usageType: string | null;
  } | null;
  productName: string | null;
  productMetadata: Record<string, string> | null;
  /** Stripe's `unit_label` of the product (English). */
  productUnitLabel: string | null;
};

/**
 * Each subscription's items with their prices and products, in the subscription's own row: a page reads its
 * subscriptions and their items in one statement, not one for the subscriptions and a second for the items.
 */
const itemsOfSubscription = () => {
  const item = stripeSubscriptionItems;
  const price = stripePrices;
  const product = stripeProducts;
  return sql<ItemRow[]>`coalesce((
    select json_agg(json_build_object(
             'id', ${item.id}, 'priceId', ${item.priceId}, 'quantity', ${item.quantity},
             'price', case when ${price.id} is null then null else json_build_object(
               'currency', ${price.currency}, 'unitAmount', ${price.unitAmount}, 'currencyOptions', ${price.currencyOptions},
               'nickname', ${price.nickname}, 'lookupKey', ${price.lookupKey}, 'metadata', ${price.metadata},
               'recurringInterval', ${price.recurringInterval}, 'recurringIntervalCount', ${price.recurringIntervalCount},
               'usageType', ${price.usageType}) end,
             'productName', ${product.name}, 'productMetadata', ${product.metadata},
             'productUnitLabel', ${product.data}->>'unit_label')
           order by ${item.stripeCreated} asc, ${item.id} asc)
      from ${item}
      left join ${price} on ${price.id} = ${item.priceId}
      left join ${product} on ${product.id} = ${price.productId}
     where ${item.subscriptionId} = ${qualified(stripeSubscriptions.id)}), '[]'::json)`;
};

function subscriptionRows(tx: Tx, organizationId: string | Placeholder, where?: SQL) {
  const scope = eq(stripeSubscriptions.organizationId, organizationId);
  return tx
    .select({ subscription: subscriptionColumns, customerDefault: stripeCustomers.defaultPaymentMethodId, items: itemsOfSubscription() })
    .from(stripeSubscriptions)
    .leftJoin(stripeCustomers, eq(stripeCustomers.id, stripeSubscriptions.customerId))
    .where(where ? and(scope, where) : scope)
    .orderBy(desc(stripeSubscriptions.stripeCreated), desc(stripeSubscriptions.id));
}

type SubscriptionRow = Awaited<ReturnType<typeof subscriptionRows>>[number];

/** The current plan is read on most page views: its query is built once (db/prepared-query.ts). */
const selectCurrentSubscriptionRow = preparedQuery('current_subscription', (tx) =>
  subscriptionRows(tx, sql.placeholder('organizationId'), notInArray(stripeSubscriptions.status, notCurrentStatuses)).limit(1),
);

function toViews(rows: SubscriptionRow[], viewerLocale: string | undefined): SubscriptionView[] {
  // Display names in the viewer's language (db/catalog-text.ts); English when not given.
  const locale = viewerLocale ?? 'en';
  return rows.map(({ subscription, customerDefault, items }) => ({
    id: subscription.id,
    customerId: subscription.customerId,
    status: subscription.status,
    currency: subscription.currency,
    collectionMethod: subscription.collectionMethod,
    cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
    cancelAt: subscription.cancelAt,
    currentPeriodStart: subscription.currentPeriodStart,
    currentPeriodEnd: subscription.currentPeriodEnd,
    trialEnd: subscription.trialEnd,
    latestInvoiceId: subscription.latestInvoiceId,
    metadata: subscription.metadata,
    defaultPaymentMethodId: subscription.defaultPaymentMethodId,
    payingCardId: subscription.collectionMethod === 'send_invoice' ? null : (subscription.defaultPaymentMethodId ?? customerDefault ?? null),
    created: subscription.stripeCreated,
    items: items.map(({ id, priceId, quantity, price, productName, productMetadata, productUnitLabel }) => ({
      id,
      priceId,
      productName: catalogText(productMetadata, 'name', productName, locale) ?? price?.nickname ?? priceId,
      priceNickname: price ? catalogText(price.metadata, 'nickname', price.nickname, locale) : null,
      priceLookupKey: price?.lookupKey ?? null,
      unitAmount: price ? unitAmountIn(price, subscription.currency) : null,
      interval: price?.recurringInterval ?? null,
      intervalCount: price?.recurringIntervalCount ?? null,
      usageType: price?.usageType ?? null,
      quantity,
      productKind: typeof productMetadata?.seikyu_kind === 'string' ? productMetadata.seikyu_kind : null,
      unitLabel:
        catalogText(productMetadata, 'unit_label', productUnitLabel ?? null, locale) ??
        catalogText(productMetadata, 'meter_name', productMetadata?.meter_name ?? null, locale),
    })),
  }));
}

/** Every subscription of the organization, ended ones included, newest first (the operators' customer page). */
export async function listSubscriptions(params: { organizationId: string; locale?: string }, tx: Tx = db): Promise<SubscriptionView[]> {
  return toViews(await selectAllSubscriptionRows({ organizationId: params.organizationId }, tx), params.locale);
}

/** The operators' customer page reads every subscription on every view: built once (db/prepared-query.ts). */
const selectAllSubscriptionRows = preparedQuery('all_subscriptions', (tx) => subscriptionRows(tx, sql.placeholder('organizationId')));

/** Subscriptions that are not over (incomplete ones included), newest first. */
export async function listLiveSubscriptions(params: { organizationId: string; locale?: string }, tx: Tx = db): Promise<SubscriptionView[]> {
  return toViews(await selectLiveSubscriptionRows({ organizationId: params.organizationId }, tx), params.locale);
}

/** The usage page and the limits API read the live subscriptions on every call: built once (db/prepared-query.ts). */
const selectLiveSubscriptionRows = preparedQuery('live_subscriptions', (tx) =>
  subscriptionRows(tx, sql.placeholder('organizationId'), notInArray(stripeSubscriptions.status, endedStatuses)),
);

/**
 * The plan the organization is on: its newest subscription that is neither over nor an unpaid checkout. `locale`
 * picks the products' display names; English when not given.
 */
export async function getCurrentSubscription(params: { organizationId: string; locale?: string }, tx: Tx = db): Promise<SubscriptionView | null> {
  const [subscription] = toViews(await selectCurrentSubscriptionRow({ organizationId: params.organizationId }, tx), params.locale);
  return subscription ?? null;
}

/** One subscription of the organization (any status), or null when it is unknown or another organization's. */
export async function findSubscriptionForOrganization(
  params: { organizationId: string; subscriptionId: string },
  tx: Tx = db,
): Promise<SubscriptionView | null> {
  const [subscription] = await selectSubscriptionViews(
    { organizationId: params.organizationId, where: eq(stripeSubscriptions.id, params.subscriptionId), limit: 1 },
    tx,
  );
  return subscription ?? null;
}

export type PaymentProblem =
  | { kind: 'subscription'; subscriptionId: string; status: SubscriptionStatus; invoiceId: string | null }
  | { kind: 'invoice'; invoiceId: string; amountRemaining: number; currency: string };

/** A payment problem as `paymentProblemOf` returns it (row_to_json of its row). */
export type PaymentProblemRow = {
  kind: 'subscription' | 'invoice';
  id: string;
  status: SubscriptionStatus | null;
  invoice_id: string | null;
  amount_remaining: number | null;
  currency: string | null;
};

/**
 * What the failed-payment banner shows, as one value for a select list (null when all is well): a subscription
 * that is `past_due`, `unpaid` or `incomplete` after a payment attempt, else an open invoice charged
 * automatically whose payment was attempted and failed. The subscription problem ranks before the invoice one.
 * `organizationId` is the organization's id in the enclosing statement: the banner's read rides on the
 * membership lookup every portal page makes (db/queries/organizations.ts `getOrganizationForMemberPage`).
 */
export function paymentProblemOf(organizationId: SQL): SQL<PaymentProblemRow | null> {
  const s = stripeSubscriptions;
  const i = stripeInvoices;
  return sql<PaymentProblemRow | null>`(select row_to_json(problem) from (
    (select 'subscription' as kind, 1 as rank, ${s.id} as id, ${s.status} as status, ${s.latestInvoiceId} as invoice_id,
            null::float8 as amount_remaining, null::text as currency
       from ${s}
      where ${s.organizationId} = ${organizationId}
        and ${s.status} in ('past_due', 'incomplete', 'unpaid')
        -- A checkout in progress is incomplete too: only count it once its first payment was attempted.
        and (${s.status} <> 'incomplete' or exists (
          select 1 from ${i} li where li.id = ${s.latestInvoiceId} and coalesce((li.data->>'attempt_count')::int, 0) > 0))
      order by ${s.stripeCreated} desc
      limit 1)
    union all
    (select 'invoice', 2, ${i.id}, null, ${i.id}, ${i.amountRemaining}::float8, ${i.currency}
       from ${i}
      where ${i.organizationId} = ${organizationId}
        and ${i.status} = 'open'
        and ${i.collectionMethod} = 'charge_automatically'
        and ${i.amountRemaining} > 0
        and coalesce((${i.data}->>'attempt_count')::int, 0) > 0
      order by ${i.stripeCreated} desc
      limit 1)
    order by rank
    limit 1) problem)`;
}

export function toPaymentProblem(row: PaymentProblemRow | null): PaymentProblem | null {
  if (!row) return null;
  if (row.kind === 'subscription') return { kind: 'subscription', subscriptionId: row.id, status: row.status!, invoiceId: row.invoice_id };
  return { kind: 'invoice', invoiceId: row.id, amountRemaining: Number(row.amount_remaining), currency: row.currency! };
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

/**
 * The discounts of one of the organization's subscriptions as the mirror keeps them: the Stripe object's
 * `discounts` in its `data` (read with their coupons and promotion codes expanded, lib/stripe-sync/read.ts),
 * for lib/billing/subscriptions/discount-terms.ts to read. Null when the subscription is unknown or another
 * organization's.
 */
export async function getSubscriptionDiscounts(params: { organizationId: string; subscriptionId: string }, tx: Tx = db): Promise<unknown> {
  const [row] = await tx
    .select({ discounts: sql<unknown>`${stripeSubscriptions.data}->'discounts'` })
    .from(stripeSubscriptions)
    .where(and(eq(stripeSubscriptions.organizationId, params.organizationId), eq(stripeSubscriptions.id, params.subscriptionId)))
    .limit(1);
  return row?.discounts ?? null;
}
