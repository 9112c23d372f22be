// Products: /v1/products create (with `default_price_data`), retrieve, update, delete, list.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { tombstonesCollection } from '../core/collections.js';
import { applyMetadata } from '../core/metadata.js';
import { diffAttributes } from '../core/events.js';
import { invalidRequest, resourceMissing } from '../http/errors.js';
import { paginate } from '../http/list.js';
import { listParams, matchesRange, nestParam, p, type Infer } from '../http/params.js';
import { createPrice, pricesCollection } from './prices.js';

export { createProduct, productsCollection, type ProductInput } from '../catalog/product-store.js';
import { createProduct, productsCollection } from '../catalog/product-store.js';

const marketingFeatures = p.array(p.object({ name: p.required(p.string({ maxLength: 80 })) }), { maxLength: 15 });

const defaultPriceDataParams = p.object({
  currency: p.required(p.string()),
  unit_amount: p.integer({ min: 0 }),
  unit_amount_decimal: p.decimal(),
  recurring: p.object({ interval: p.required(p.enumOf(['day', 'week', 'month', 'year'])), interval_count: p.integer({ min: 1 }) }),
  tax_behavior: p.enumOf(['exclusive', 'inclusive', 'unspecified']),
  currency_options: p.record(
    p.object({ unit_amount: p.integer({ min: 0 }), unit_amount_decimal: p.decimal(), tax_behavior: p.enumOf(['exclusive', 'inclusive', 'unspecified']), custom_unit_amount: p.unsupported(), tiers: p.unsupported() }),
  ),
  metadata: p.metadata(),
  custom_unit_amount: p.unsupported(),
});

type DefaultPriceData = Infer<typeof defaultPriceDataParams>;

export function registerProducts(emu: Emulator): void {
  emu.objects.register({ object: 'product', prefix: 'prod', collection: productsCollection });
  // Products may carry user-chosen ids; those are found through the price/product fields that hold them.
  const { router, store } = emu;

  router.api(
    'POST',
    '/v1/products',
    {
      name: p.required(p.string()),
      id: p.string(),
      active: p.boolean(),
      description: p.string(),
      images: p.array(p.string(), { maxLength: 8 }),
      marketing_features: marketingFeatures,
      metadata: p.metadata(),
      shippable: p.boolean(),
      statement_descriptor: p.string({ maxLength: 22 }),
      tax_code: p.string(),
      unit_label: p.string({ maxLength: 12 }),
      url: p.string(),
      default_price_data: defaultPriceDataParams,
      package_dimensions: p.unsupported(),
      tax_details: p.unsupported(),
      type: p.enumOf(['good', 'service']),
    },
    ({ params }) => {
      const { default_price_data: priceData, type: _type, ...productInput } = params;
      if (priceData && priceData.unit_amount === undefined && priceData.unit_amount_decimal === undefined) {
        throw invalidRequest('Missing required param: default_price_data[unit_amount].', { code: 'parameter_missing', param: 'default_price_data[unit_amount]' });
      }
      const product = createProduct(emu, productInput);
      if (!priceData) return product;
      const price = createDefaultPrice(emu, product.id, priceData);
      const updated = store.update(productsCollection, product.id, (cur) => ({ ...cur, default_price: price.id }));
      return updated;
    },
  );

  router.api('GET', '/v1/products/:id', {}, ({ path }) => {
    const tomb = store.get(tombstonesCollection, path.id);
    if (tomb && tomb.object === 'product') throw resourceMissing('product', path.id);
    return store.require(productsCollection, path.id, 'product');
  });

  router.api(
    'POST',
    '/v1/products/:id',
    {
      name: p.string(),
      active: p.boolean(),
      default_price: p.string(),
      description: p.emptyable(p.string()),
      images: p.emptyable(p.array(p.string(), { maxLength: 8 })),
      marketing_features: p.emptyable(marketingFeatures),
      metadata: p.metadata(),
      shippable: p.boolean(),
      statement_descriptor: p.string({ maxLength: 22 }),
      tax_code: p.emptyable(p.string()),
      unit_label: p.emptyable(p.string({ maxLength: 12 })),
      url: p.emptyable(p.string()),
      package_dimensions: p.unsupported(),
      tax_details: p.unsupported(),
    },
    ({ path, params }) => {
      const before = store.require(productsCollection, path.id, 'product');
      if (params.default_price) {
        const price = store.get(pricesCollection, params.default_price);
        if (!price) throw resourceMissing('price', params.default_price, 'default_price');
        if (price.product !== before.id) throw invalidRequest('The default price must belong to this product.', { param: 'default_price' });
        if (!price.active) throw invalidRequest('The default price must be active.', { param: 'default_price' });
      }
      const after = store.update(productsCollection, path.id, (cur) => ({
        ...cur,
        name: params.name ?? cur.name,
        active: params.active ?? cur.active,
        default_price: params.default_price ?? cur.default_price,
        description: params.description !== undefined ? params.description : cur.description,
        images: params.images !== undefined ? (params.images ?? []) : cur.images,
        marketing_features: params.marketing_features !== undefined ? (params.marketing_features ?? []) : cur.marketing_features,
        metadata: applyMetadata(cur.metadata, params.metadata),
        shippable: params.shippable ?? cur.shippable,
        statement_descriptor: params.statement_descriptor ?? cur.statement_descriptor,
        tax_code: params.tax_code !== undefined ? params.tax_code : cur.tax_code,
        unit_label: params.unit_label !== undefined ? params.unit_label : cur.unit_label,
        url: params.url !== undefined ? params.url : cur.url,
        updated: emu.clock.wallNow(),
      }));
      emu.events.emit('product.updated', after, { previousAttributes: diffAttributes(before, after) });
      return after;
    },
  );

  router.api('DELETE', '/v1/products/:id', {}, ({ path }) => {
    const product = store.require(productsCollection, path.id, 'product');
    if (store.all(pricesCollection).some((pr) => pr.product === product.id)) {
      throw invalidRequest('This product cannot be deleted because it has one or more user-created prices.', { code: 'product_has_prices' });
    }
    store.delete(productsCollection, product.id);
    store.insert(tombstonesCollection, { id: product.id, object: 'product', deletedAt: emu.clock.wallNow() });
    emu.events.emit('product.deleted', product);
    return { id: product.id, object: 'product', deleted: true } satisfies Stripe.DeletedProduct;
  });

  router.api(
    'GET',
    '/v1/products',
    { ...listParams, active: p.boolean(), ids: p.array(p.string()), shippable: p.boolean(), url: p.string(), created: p.range() },
    ({ params, urlPath }) =>
      paginate(
        store.newestFirst(
          productsCollection,
          (pr) =>
            (params.active === undefined || pr.active === params.active) &&
            (!params.ids || params.ids.includes(pr.id)) &&
            (params.shippable === undefined || pr.shippable === params.shippable) &&
            (!params.url || pr.url === params.url) &&
            matchesRange(pr.created, params.created),
        ),
        params,
        urlPath,
      ),
  );
}

function createDefaultPrice(emu: Emulator, productId: string, data: DefaultPriceData): Stripe.Price {
  return createPrice(
    emu,
    {
      currency: data.currency,
      product: productId,
      unit_amount: data.unit_amount,
      unit_amount_decimal: data.unit_amount_decimal,
      recurring: data.recurring,
      tax_behavior: data.tax_behavior,
      currency_options: data.currency_options,
      metadata: data.metadata,
    },
    (f) => nestParam('default_price_data', f),
  );
}
