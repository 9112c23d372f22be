// Convergent sync of the catalogue (products and prices with every currency option). Idempotent; all catalogue
// syncs share one lock so a full read and a single-object read never interleave.
import { type Tx } from '@/db';
import {
  deleteStripePrice,
  deleteStripeProduct,
  pruneStripeCatalog,
  upsertStripePrice,
  upsertStripeProduct,
} from '@/db/queries/mirror';
import { CATALOG_LOCK_KEY, listAll, retrieveOrNull, stripeOf, withSyncLock, type SyncOptions } from './context';
import { mapPrice, mapProduct } from './map-catalog';

export type CatalogSyncResult = { products: number; prices: number };

/** Makes the mirrored catalogue equal Stripe's: every product and price, active or not; others removed. */
export async function syncStripeCatalog(tx?: Tx, options?: SyncOptions): Promise<CatalogSyncResult> {
  const stripe = stripeOf(options);
  return withSyncLock(CATALOG_LOCK_KEY, tx, async (t) => {
    const [products, prices] = await Promise.all([
      listAll(stripe.products.list({ limit: 100 })),
      listAll(stripe.prices.list({ limit: 100, expand: ['data.currency_options'] })),
    ]);
    for (const product of products) await upsertStripeProduct(mapProduct(product), t);
    for (const price of prices) await upsertStripePrice(mapPrice(price), t);
    await pruneStripeCatalog({ productIds: products.map((p) => p.id), priceIds: prices.map((p) => p.id) }, t);
    return { products: products.length, prices: prices.length };
  });
}

export async function syncStripeProduct(productId: string, tx?: Tx, options?: SyncOptions): Promise<'upserted' | 'removed'> {
  const stripe = stripeOf(options);
  return withSyncLock(CATALOG_LOCK_KEY, tx, async (t) => {
    const product = await retrieveOrNull(() => stripe.products.retrieve(productId));
    if (!product || product.deleted) {
      await deleteStripeProduct({ id: productId }, t);
      return 'removed';
    }
    await upsertStripeProduct(mapProduct(product), t);
    return 'upserted';
  });
}

export async function syncStripePrice(priceId: string, tx?: Tx, options?: SyncOptions): Promise<'upserted' | 'removed'> {
  const stripe = stripeOf(options);
  return withSyncLock(CATALOG_LOCK_KEY, tx, async (t) => {
    const price = await retrieveOrNull(() => stripe.prices.retrieve(priceId, { expand: ['currency_options'] }));
    if (!price || price.deleted) {
      await deleteStripePrice({ id: priceId }, t);
      return 'removed';
    }
    await upsertStripePrice(mapPrice(price), t);
    return 'upserted';
  });
}
