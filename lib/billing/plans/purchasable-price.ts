// Which catalogue price a subscription may start or change to, and the quantity sent to Stripe. Checked against
// the mirror for checkout (start-subscription) and plan changes (plan-change) alike.
import 'server-only';
import { findCatalogPrice, type CatalogPrice } from '@/db/queries/catalog';
import { billingInputError } from '@/lib/billing/subscriptions/billing-input-error';
import { MAX_QUANTITY } from './limits';

const subscribableKinds = new Set<CatalogPrice['kind']>(['plan', 'addon', 'usage']);

export async function resolvePurchasablePrice(params: { priceId: string; currency: string; locale?: string }): Promise<CatalogPrice> {
  const price = await findCatalogPrice(params);
  if (!price) throw billingInputError('unknown_price', `price ${params.priceId} is unknown, inactive or has no ${params.currency} amount`);
  // Plans, the per-device add-on bought on its own and the metered on-demand plan start a subscription; passes
  // and one-off items are bought with a one-off invoice (lib/billing/purchases).
  if (price.type !== 'recurring' || price.isFree || !subscribableKinds.has(price.kind)) {
    throw billingInputError('price_not_subscribable', `price ${price.id} (${price.kind}) cannot start a subscription`);
  }
  return price;
}

/** The quantity to send to Stripe: null for metered prices, the seats/devices for per-unit ones, else 1. */
export function quantityFor(price: Pick<CatalogPrice, 'id' | 'metered' | 'perUnit'>, quantity: number): number | null {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    throw billingInputError('quantity_out_of_range', `quantity ${quantity} outside 1..${MAX_QUANTITY}`);
  }
  if (price.metered) {
    if (quantity !== 1) throw billingInputError('quantity_not_allowed', `metered price ${price.id} takes no quantity`);
    return null;
  }
  if (!price.perUnit && quantity !== 1) throw billingInputError('quantity_not_allowed', `price ${price.id} is not per unit`);
  return quantity;
}
