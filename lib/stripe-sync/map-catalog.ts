// Stripe products and prices → stripe_products / stripe_prices rows. Pure.
import type Stripe from 'stripe';
import { priceType, type stripePrices, type stripeProducts } from '@/db/schema';
import { enumValue, fromUnix, idOf, metadataOf, snapshot } from './map-shared';

export type ProductRow = typeof stripeProducts.$inferInsert;
export type PriceRow = typeof stripePrices.$inferInsert;

export function mapProduct(product: Stripe.Product): ProductRow {
  return {
    id: product.id,
    active: product.active,
    name: product.name,
    description: product.description,
    defaultPriceId: idOf(product.default_price),
    metadata: metadataOf(product.metadata),
    stripeCreated: fromUnix(product.created),
    data: snapshot(product),
  };
}

/** The price must have been read with `expand: ['currency_options']` (or listed with `data.currency_options`). */
export function mapPrice(price: Stripe.Price): PriceRow {
  const productId = idOf(price.product);
  if (!productId) throw new Error(`price ${price.id} has no product`);
  const currencyOptions: Record<string, { unit_amount: number | null }> = {};
  for (const [currency, option] of Object.entries(price.currency_options ?? {})) {
    currencyOptions[currency] = { unit_amount: option.unit_amount };
  }
  return {
    id: price.id,
    productId,
    active: price.active,
    currency: price.currency,
    unitAmount: price.unit_amount,
    currencyOptions,
    type: enumValue(priceType.enumValues, price.type, 'price type'),
    billingScheme: price.billing_scheme,
    recurringInterval: price.recurring?.interval ?? null,
    recurringIntervalCount: price.recurring?.interval_count ?? null,
    usageType: price.recurring?.usage_type ?? null,
    meterId: price.recurring?.meter ?? null,
    trialPeriodDays: price.recurring?.trial_period_days ?? null,
    lookupKey: price.lookup_key,
    nickname: price.nickname,
    metadata: metadataOf(price.metadata),
    stripeCreated: fromUnix(price.created),
    data: snapshot(price),
  };
}
