// The projected invoice: what the organization's next invoice would be as things stand, kept in the mirror
// (invoice_projections) from Stripe's invoice preview by the usage follow-up job. Pages read the row; nothing here
// runs on a page view. Idempotent: refreshing twice stores the same facts.
import type Stripe from 'stripe';
import { getPriceCatalogTexts, listCatalogPrices } from '@/db/queries/catalog';
import { listLiveSubscriptions, type SubscriptionView } from '@/db/queries/subscriptions';
import { recordInvoiceProjectionError, saveInvoiceProjection } from '@/db/queries/usage-dashboard';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { previewUpcomingInvoice } from '@/lib/stripe/preview-upcoming-invoice';
import { idOf } from '@/lib/stripe-sync/map-shared';
import { mapPreviewToProjection, NOTHING_BILLED } from './map-projection';

/** The subscription whose next invoice carries the usage: one with a metered item, else a paid plan; never the free tier. */
export function projectedSubscriptionOf(subscriptions: SubscriptionView[]): SubscriptionView | null {
  const current = subscriptions.filter((s) => s.status !== 'incomplete');
  return (
    current.find((s) => s.items.some((i) => i.usageType === 'metered')) ??
    current.find((s) => s.metadata.seikyu_intent !== 'free_tier' && s.items.some((i) => (i.unitAmount ?? 0) > 0)) ??
    null
  );
}

export type ProjectionOutcome = 'refreshed' | 'nothing_billed';

export async function refreshInvoiceProjection(organizationId: string, stripe: Stripe = defaultStripe): Promise<ProjectionOutcome> {
  const startedAt = new Date();
  const subscription = projectedSubscriptionOf(await listLiveSubscriptions({ organizationId }));
  if (!subscription) {
    await saveInvoiceProjection({ organizationId, facts: NOTHING_BILLED, startedAt });
    return 'nothing_billed';
  }
  try {
    const preview = await previewUpcomingInvoice({ customerId: subscription.customerId, subscriptionId: subscription.id }, stripe);
    const linePriceIds = preview.lines.data.map((line) => idOf(line.pricing?.price_details?.price));
    const [prices, texts] = await Promise.all([
      listCatalogPrices({ currency: subscription.currency }),
      getPriceCatalogTexts({ priceIds: linePriceIds.filter((id): id is string => id !== null) }),
    ]);
    const meters = new Map(prices.map((p) => [p.id, p.meterEventName]));
    const facts = mapPreviewToProjection(preview, {
      customerId: subscription.customerId,
      subscriptionId: subscription.id,
      meterOfPrice: (priceId) => meters.get(priceId) ?? null,
      catalogOfPrice: (priceId) => texts.get(priceId) ?? null,
    });
    await saveInvoiceProjection({ organizationId, facts, startedAt });
    return 'refreshed';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await recordInvoiceProjectionError({ organizationId, message });
    throw error;
  }
}
