// Seeds the demo catalogue through the Stripe API (emulator or a real test account). Idempotent: every object
// is looked up first by a stable name (product metadata, price lookup key, coupon id, promotion code, meter
// event name) and created only when missing, with an idempotency key derived from the seed step, so a second
// run — or a retried one — creates nothing twice.
import { seedKey } from './seed-key';
import type Stripe from 'stripe';
import { listAll } from '@/lib/stripe-sync/context';
import { isResourceMissing } from '@/lib/stripe-sync/context';
import {
  CATALOG,
  CATALOG_KEY_METADATA,
  COUPON_IDS,
  METERS,
  PROMOTION_CODES,
  TAX_BEHAVIOR_BY_CURRENCY,
  TAX_RATES,
  type LookupKey,
  type PriceSpec,
  type ProductSpec,
} from './catalog';

export type SeedLog = (message: string) => void;

export type SeedCatalogResult = {
  /** Price id by lookup key. */
  prices: Record<LookupKey, string>;
  products: Record<string, string>;
  meters: Record<keyof typeof METERS, string>;
  /** Tax rate id by catalogue key (`seikyu_jct_standard_inclusive`, …). */
  taxRates: Record<string, string>;
  /** What this run created (empty on a re-run). */
  created: string[];
};


async function ensureMeters(stripe: Stripe, created: string[]): Promise<Record<keyof typeof METERS, string>> {
  const existing = await listAll(stripe.billing.meters.list({ limit: 100 }));
  const ids = {} as Record<keyof typeof METERS, string>;
  for (const [name, spec] of Object.entries(METERS) as [keyof typeof METERS, (typeof METERS)[keyof typeof METERS]][]) {
    const found = existing.find((m) => m.event_name === spec.eventName && m.status === 'active');
    if (found) {
      ids[name] = found.id;
      continue;
    }
    const meter = await stripe.billing.meters.create(
      {
        display_name: spec.displayName,
        event_name: spec.eventName,
        default_aggregation: { formula: 'sum' },
        customer_mapping: { type: 'by_id', event_payload_key: 'stripe_customer_id' },
        value_settings: { event_payload_key: 'value' },
      },
      { idempotencyKey: seedKey('meter', spec.eventName) },
    );
    created.push(`meter ${spec.eventName}`);
    ids[name] = meter.id;
  }
  return ids;
}

/** The product's texts in other languages (db/catalog-text.ts reads them). */
function productTextMetadata(spec: ProductSpec): Record<string, string> {
  return {
    name_ja: spec.ja.name,
    description_ja: spec.ja.description,
    ...(spec.ja.unitLabel ? { unit_label_ja: spec.ja.unitLabel } : {}),
  };
}

/** True when `metadata` lacks one of `wanted` or holds another value: a catalogue seeded before the texts existed. */
function missingMetadata(metadata: Record<string, string> | undefined, wanted: Record<string, string>): boolean {
  return Object.entries(wanted).some(([key, value]) => metadata?.[key] !== value);
}

/** The consumption-tax rates, found by `seikyu_catalog_key` metadata (tax rates have no lookup key). */
async function ensureTaxRates(stripe: Stripe, created: string[]): Promise<Record<string, string>> {
  const existing = await listAll(stripe.taxRates.list({ active: true, limit: 100 }));
  const ids: Record<string, string> = {};
  for (const spec of TAX_RATES) {
    const found = existing.find((r) => r.metadata?.[CATALOG_KEY_METADATA] === spec.key);
    if (found) {
      ids[spec.key] = found.id;
      continue;
    }
    const rate = await stripe.taxRates.create(
      {
        display_name: spec.displayName,
        description: spec.description,
        percentage: spec.percentage,
        inclusive: spec.behavior === 'inclusive',
        country: 'JP',
        jurisdiction: 'JP',
        tax_type: 'jct',
        metadata: { [CATALOG_KEY_METADATA]: spec.key },
      },
      { idempotencyKey: seedKey('tax-rate', spec.key) },
    );
    created.push(`tax rate ${spec.key}`);
    ids[spec.key] = rate.id;
  }
  return ids;
}

async function ensureProduct(stripe: Stripe, spec: ProductSpec, existing: Stripe.Product[], created: string[]): Promise<string> {
  const texts = productTextMetadata(spec);
  const found = existing.find((p) => p.metadata?.[CATALOG_KEY_METADATA] === spec.key);
  if (found) {
    // Display texts and portal metadata (e.g. a capacity tier's device limit) are the only things a re-run brings
    // up to date; prices and ids are never touched.
    const renamed = found.name !== spec.name || found.description !== spec.description;
    if (renamed || missingMetadata(found.metadata, { ...spec.metadata, ...texts })) {
      await stripe.products.update(
        found.id,
        { name: spec.name, description: spec.description, metadata: { ...spec.metadata, ...texts } },
        { idempotencyKey: seedKey('product-texts', spec.key, spec.name, Object.values({ ...spec.metadata, ...texts }).join('|')) },
      );
      created.push(`texts of product ${spec.key}`);
    }
    return found.id;
  }
  const product = await stripe.products.create(
    {
      name: spec.name,
      description: spec.description,
      ...(spec.unitLabel ? { unit_label: spec.unitLabel } : {}),
      metadata: { [CATALOG_KEY_METADATA]: spec.key, seikyu_kind: spec.kind, ...spec.metadata, ...texts },
    },
    { idempotencyKey: seedKey('product', spec.key) },
  );
  created.push(`product ${spec.key}`);
  return product.id;
}

async function ensurePrice(
  stripe: Stripe,
  spec: PriceSpec,
  productId: string,
  meters: Record<keyof typeof METERS, string>,
  existing: Map<string, Stripe.Price>,
  created: string[],
): Promise<string> {
  const found = existing.get(spec.lookupKey);
  if (found) {
    if (missingMetadata(found.metadata, { nickname_ja: spec.nicknameJa })) {
      await stripe.prices.update(found.id, { metadata: { nickname_ja: spec.nicknameJa } }, { idempotencyKey: seedKey('price-texts', spec.lookupKey, spec.nicknameJa) });
      created.push(`texts of price ${spec.lookupKey}`);
    }
    return found.id;
  }
  const recurring: Stripe.PriceCreateParams.Recurring | undefined = spec.recurring
    ? spec.recurring.meter
      ? { interval: spec.recurring.interval, usage_type: 'metered', meter: meters[spec.recurring.meter] }
      : { interval: spec.recurring.interval }
    : undefined;
  const price = await stripe.prices.create(
    {
      product: productId,
      currency: 'jpy',
      unit_amount: spec.jpy,
      // Marked per currency as the tax rates charge it (catalog.ts: JPY 税込, USD tax added).
      tax_behavior: TAX_BEHAVIOR_BY_CURRENCY.jpy,
      currency_options: { usd: { unit_amount: spec.usd, tax_behavior: TAX_BEHAVIOR_BY_CURRENCY.usd } },
      ...(recurring ? { recurring } : {}),
      lookup_key: spec.lookupKey,
      nickname: spec.nickname,
      metadata: { [CATALOG_KEY_METADATA]: spec.lookupKey, nickname_ja: spec.nicknameJa },
    },
    { idempotencyKey: seedKey('price', spec.lookupKey) },
  );
  created.push(`price ${spec.lookupKey}`);
  return price.id;
}

const COUPONS: { id: string; params: Omit<Stripe.CouponCreateParams, 'id'> }[] = [
  { id: COUPON_IDS.welcome10, params: { name: 'Welcome 10%', percent_off: 10, duration: 'once' } },
  { id: COUPON_IDS.launch20, params: { name: 'Launch 20% for 3 months', percent_off: 20, duration: 'repeating', duration_in_months: 3 } },
  {
    id: COUPON_IDS.thankYou500,
    params: { name: 'Thank you ¥500', amount_off: 500, currency: 'jpy', currency_options: { usd: { amount_off: 400 } }, duration: 'once' },
  },
];

const PROMOTIONS: { code: string; coupon: string }[] = [
  { code: PROMOTION_CODES.welcome10, coupon: COUPON_IDS.welcome10 },
  { code: PROMOTION_CODES.launch20, coupon: COUPON_IDS.launch20 },
  { code: PROMOTION_CODES.thankYou500, coupon: COUPON_IDS.thankYou500 },
];

async function ensureCoupons(stripe: Stripe, created: string[]): Promise<void> {
  for (const coupon of COUPONS) {
    try {
      await stripe.coupons.retrieve(coupon.id);
      continue;
    } catch (error) {
      if (!isResourceMissing(error)) throw error;
    }
    await stripe.coupons.create({ id: coupon.id, ...coupon.params }, { idempotencyKey: seedKey('coupon', coupon.id) });
    created.push(`coupon ${coupon.id}`);
  }
  for (const promotion of PROMOTIONS) {
    const existing = await stripe.promotionCodes.list({ code: promotion.code, limit: 1 });
    if (existing.data.length > 0) continue;
    await stripe.promotionCodes.create(
      { code: promotion.code, promotion: { type: 'coupon', coupon: promotion.coupon } },
      { idempotencyKey: seedKey('promotion-code', promotion.code) },
    );
    created.push(`promotion code ${promotion.code}`);
  }
}

export async function seedCatalog(stripe: Stripe, log: SeedLog = () => {}): Promise<SeedCatalogResult> {
  const created: string[] = [];
  const meters = await ensureMeters(stripe, created);
  const taxRates = await ensureTaxRates(stripe, created);

  const products = await listAll(stripe.products.list({ limit: 100 }));
  const lookupKeys = CATALOG.flatMap((p) => p.prices.map((price) => price.lookupKey));
  const prices = new Map<string, Stripe.Price>();
  // Stripe takes at most 10 lookup keys per list call.
  for (let i = 0; i < lookupKeys.length; i += 10) {
    for (const price of await listAll(stripe.prices.list({ lookup_keys: lookupKeys.slice(i, i + 10), limit: 100 }))) {
      if (price.lookup_key) prices.set(price.lookup_key, price);
    }
  }

  const result: SeedCatalogResult = { prices: {} as Record<LookupKey, string>, products: {}, meters, taxRates, created };
  for (const spec of CATALOG) {
    const productId = await ensureProduct(stripe, spec, products, created);
    result.products[spec.key] = productId;
    for (const price of spec.prices) {
      result.prices[price.lookupKey] = await ensurePrice(stripe, price, productId, meters, prices, created);
    }
  }
  await ensureCoupons(stripe, created);
  log(created.length ? `catalogue: created ${created.join(', ')}` : 'catalogue: already seeded');
  return result;
}
