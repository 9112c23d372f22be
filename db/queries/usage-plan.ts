// The plan that sets an organization's device capacity, read from the mirror: the current subscriptions' products
// carrying `seikyu_device_limit` (free 1, starter 5, …). Scoped by organization.
import { and, eq, notInArray, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { preparedQuery } from '@/db/prepared-query';
import { stripePrices, stripeProducts, stripeSubscriptionItems, stripeSubscriptions } from '@/db/schema';
import { catalogText } from '../catalog-text';

export type CapacityPlan = {
  productName: string;
  tier: string | null;
  priceLookupKey: string | null;
  /** Concurrent devices the plan allows; null when the product sets no limit. */
  deviceLimit: number | null;
};

/** Read by the limits API and the usage page on every call: built once (db/prepared-query.ts). */
const selectCapacityProducts = preparedQuery('capacity_products', (tx) =>
  tx
    .select({ name: stripeProducts.name, metadata: stripeProducts.metadata, lookupKey: stripePrices.lookupKey })
    .from(stripeSubscriptions)
    .innerJoin(stripeSubscriptionItems, eq(stripeSubscriptionItems.subscriptionId, stripeSubscriptions.id))
    .innerJoin(stripePrices, eq(stripePrices.id, stripeSubscriptionItems.priceId))
    .innerJoin(stripeProducts, eq(stripeProducts.id, stripePrices.productId))
    .where(
      and(
        eq(stripeSubscriptions.organizationId, sql.placeholder('organizationId')),
        notInArray(stripeSubscriptions.status, ['canceled', 'incomplete', 'incomplete_expired']),
      ),
    ),
);

/**
 * The capacity a catalogue product gives (a plan, or a 30-day pass, db/queries/passes.ts), named in `locale`; null
 * for a product that is no capacity plan (neither `seikyu_tier` nor `seikyu_device_limit`).
 */
export function capacityPlanOf(product: { name: string; metadata: Record<string, string>; lookupKey: string | null }, locale: string): CapacityPlan | null {
  const { metadata } = product;
  if (metadata.seikyu_tier === undefined && metadata.seikyu_device_limit === undefined) return null;
  const limit = Number.parseInt(metadata.seikyu_device_limit ?? '', 10);
  return {
    productName: catalogText(metadata, 'name', product.name, locale) ?? product.name,
    tier: metadata.seikyu_tier ?? null,
    priceLookupKey: product.lookupKey,
    deviceLimit: Number.isFinite(limit) ? limit : null,
  };
}

/** The current plans of the organization (not canceled, not an unpaid checkout), largest capacity first. */
export async function listCapacityPlans(params: { organizationId: string; locale?: string }, tx: Tx = db): Promise<CapacityPlan[]> {
  const rows = await selectCapacityProducts({ organizationId: params.organizationId }, tx);
  const locale = params.locale ?? 'en';
  return rows
    .map((r) => capacityPlanOf(r, locale))
    .filter((plan): plan is CapacityPlan => plan !== null)
    .sort((a, b) => (b.deviceLimit ?? Number.MAX_SAFE_INTEGER) - (a.deviceLimit ?? Number.MAX_SAFE_INTEGER));
}
