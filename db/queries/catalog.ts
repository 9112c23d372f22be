// The mirrored catalogue as the plan picker and the subscribe action see it: active products and prices, each
// price's amount in one currency (its own or a `currency_options` entry). The catalogue is shared by every
// organization; the currency is the scope (a price without an amount in the organization's currency does not
// exist for it).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { preparedQuery } from '@/db/prepared-query';
import { stripePrices, stripeProducts } from '@/db/schema';
import { columnsWithoutData } from './columns';
import { catalogText, type PriceCatalogTexts } from '@/db/catalog-text';

export type CatalogProductKind = 'plan' | 'addon' | 'usage' | 'pass' | 'one_off' | 'service';

export type CatalogPrice = {
  id: string;
  productId: string;
  productName: string;
  productDescription: string | null;
  kind: CatalogProductKind;
  /** Free-tier product (metadata `seikyu_tier=free`) or a zero recurring amount. */
  isFree: boolean;
  /** Per-seat or per-device: the customer chooses a quantity. */
  perUnit: 'seat' | 'device' | null;
  /** Stripe's product unit label, e.g. "seat", "device-hour". */
  unitLabel: string | null;
  currency: string;
  /** In the currency's minor unit; null for tiered prices. */
  unitAmount: number | null;
  type: 'one_time' | 'recurring';
  interval: 'day' | 'week' | 'month' | 'year' | null;
  intervalCount: number | null;
  metered: boolean;
  meterId: string | null;
  /** Meter event name from the product's metadata (`seikyu_meter`): an identifier, never shown. */
  meterEventName: string | null;
  /** The meter's display name in the viewer's language (product metadata `meter_name`, `meter_name_<locale>`). */
  meterName: string | null;
  trialPeriodDays: number | null;
  lookupKey: string | null;
  nickname: string | null;
};

const kinds: readonly CatalogProductKind[] = ['plan', 'addon', 'usage', 'pass', 'one_off', 'service'];
const intervals = ['day', 'week', 'month', 'year'] as const;

function amountIn(
  price: { currency: string; unitAmount: number | null; currencyOptions: Record<string, { unit_amount: number | null }> },
  currency: string,
): { available: boolean; amount: number | null } {
  if (price.currency === currency) return { available: true, amount: price.unitAmount };
  const option = price.currencyOptions[currency];
  return option ? { available: true, amount: option.unit_amount } : { available: false, amount: null };
}

function unitLabelOf(data: unknown): string | null {
  const label = (data as { unit_label?: unknown } | null)?.unit_label;
  return typeof label === 'string' && label.length > 0 ? label : null;
}

type Row = { price: Omit<typeof stripePrices.$inferSelect, 'data'>; product: typeof stripeProducts.$inferSelect };
/** Prices without their Stripe object (only the product's is read, for its unit label). */
const priceColumns = columnsWithoutData(stripePrices);

/** `locale` picks the display texts (db/catalog-text.ts); English when not given. */
function toCatalogPrice({ price, product }: Row, currency: string, locale = 'en'): CatalogPrice | null {
  const { available, amount } = amountIn(price, currency);
  if (!available) return null;
  const kindValue = product.metadata.seikyu_kind;
  const kind = kinds.find((k) => k === kindValue) ?? (price.type === 'one_time' ? 'one_off' : 'plan');
  const perUnitValue = product.metadata.seikyu_per_unit;
  const interval = intervals.find((i) => i === price.recurringInterval) ?? null;
  const metered = price.usageType === 'metered';
  return {
    id: price.id,
    productId: product.id,
    productName: catalogText(product.metadata, 'name', product.name, locale) ?? product.name,
    productDescription: catalogText(product.metadata, 'description', product.description, locale),
    kind,
    isFree: product.metadata.seikyu_tier === 'free' || (price.type === 'recurring' && !metered && amount === 0),
    perUnit: perUnitValue === 'seat' || perUnitValue === 'device' ? perUnitValue : null,
    unitLabel: catalogText(product.metadata, 'unit_label', unitLabelOf(product.data), locale),
    currency,
    unitAmount: amount,
    type: price.type,
    interval,
    intervalCount: price.recurringIntervalCount,
    metered,
    meterId: price.meterId,
    meterEventName: product.metadata.seikyu_meter ?? null,
    meterName: catalogText(product.metadata, 'meter_name', product.metadata.meter_name ?? null, locale),
    trialPeriodDays: price.trialPeriodDays,
    lookupKey: price.lookupKey,
    nickname: catalogText(price.metadata, 'nickname', price.nickname, locale),
  };
}

/** The plans and subscription pages read the catalogue on every view: built once (db/prepared-query.ts). */
const selectActivePrices = preparedQuery('active_prices', (tx) =>
  tx
    .select({ price: priceColumns, product: stripeProducts })
    .from(stripePrices)
    .innerJoin(stripeProducts, eq(stripeProducts.id, stripePrices.productId))
    .where(and(eq(stripePrices.active, true), eq(stripeProducts.active, true)))
    .orderBy(asc(stripeProducts.stripeCreated), asc(stripeProducts.id), asc(stripePrices.stripeCreated), asc(stripePrices.id)),
);

/** Every active price of every active product that has an amount in `currency`, products in creation order. */
export async function listCatalogPrices(params: { currency: string; locale?: string }, tx: Tx = db): Promise<CatalogPrice[]> {
  const rows = await selectActivePrices({}, tx);
  return rows.map((row) => toCatalogPrice(row, params.currency, params.locale)).filter((p): p is CatalogPrice => p !== null);
}

/**
 * One active price as the organization may buy it: null when the id is unknown, inactive, its product is
 * inactive, or it has no amount in `currency`.
 */
export async function findCatalogPrice(params: { priceId: string; currency: string; locale?: string }, tx: Tx = db): Promise<CatalogPrice | null> {
  const [row] = await tx
    .select({ price: priceColumns, product: stripeProducts })
    .from(stripePrices)
    .innerJoin(stripeProducts, eq(stripeProducts.id, stripePrices.productId))
    .where(and(eq(stripePrices.id, params.priceId), eq(stripePrices.active, true), eq(stripeProducts.active, true)))
    .limit(1);
  return row ? toCatalogPrice(row, params.currency, params.locale) : null;
}

/** Every active product, by name: the plans an operator can set a review hold on, named in `locale`. */
export async function listActiveProducts(params: { locale?: string } = {}, tx: Tx = db): Promise<{ id: string; name: string }[]> {
  const rows = await tx
    .select({ id: stripeProducts.id, name: stripeProducts.name, metadata: stripeProducts.metadata })
    .from(stripeProducts)
    .where(eq(stripeProducts.active, true))
    .orderBy(asc(stripeProducts.name), asc(stripeProducts.id));
  return rows.map((row) => ({ id: row.id, name: catalogText(row.metadata, 'name', row.name, params.locale ?? 'en') ?? row.name }));
}

export type MirroredPrice = { id: string; productId: string; productName: string; currency: string; unitAmount: number | null; active: boolean; type: 'one_time' | 'recurring' };

function toMirroredPrice({ price, product }: Row, locale = 'en'): MirroredPrice {
  return { id: price.id, productId: product.id, productName: catalogText(product.metadata, 'name', product.name, locale) ?? product.name, currency: price.currency, unitAmount: price.unitAmount, active: price.active && product.active, type: price.type };
}

/** One price as mirrored, in its own currency (split rules and sales are priced in it). */
export async function getMirroredPrice(params: { priceId: string }, tx: Tx = db): Promise<MirroredPrice | null> {
  const [row] = await tx
    .select({ price: priceColumns, product: stripeProducts })
    .from(stripePrices)
    .innerJoin(stripeProducts, eq(stripeProducts.id, stripePrices.productId))
    .where(eq(stripePrices.id, params.priceId))
    .limit(1);
  return row ? toMirroredPrice(row) : null;
}

/** Every active one-time price of active products: what an operator can record a split sale for (names in `locale`). */
export async function listOneTimePrices(params: { locale?: string } = {}, tx: Tx = db): Promise<MirroredPrice[]> {
  const rows = await tx
    .select({ price: priceColumns, product: stripeProducts })
    .from(stripePrices)
    .innerJoin(stripeProducts, eq(stripeProducts.id, stripePrices.productId))
    .where(and(eq(stripePrices.active, true), eq(stripeProducts.active, true), eq(stripePrices.type, 'one_time')))
    .orderBy(asc(stripeProducts.name), asc(stripePrices.id));
  return rows.map((row) => toMirroredPrice(row, params.locale));
}

/** A product's active prices (a product-wide split rule must fit the cheapest of them). */
export async function listProductPrices(params: { productId: string }, tx: Tx = db): Promise<MirroredPrice[]> {
  const rows = await tx
    .select({ price: priceColumns, product: stripeProducts })
    .from(stripePrices)
    .innerJoin(stripeProducts, eq(stripeProducts.id, stripePrices.productId))
    .where(and(eq(stripePrices.productId, params.productId), eq(stripePrices.active, true)))
    .orderBy(asc(stripePrices.id));
  return rows.map((row) => toMirroredPrice(row));
}

/** The display texts of these prices (active or not: an old invoice's price may be archived), by price id. */
export async function getPriceCatalogTexts(params: { priceIds: readonly string[] }, tx: Tx = db): Promise<Map<string, PriceCatalogTexts>> {
  const ids = [...new Set(params.priceIds)];
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({
      id: stripePrices.id,
      productName: stripeProducts.name,
      productMetadata: stripeProducts.metadata,
      priceNickname: stripePrices.nickname,
      priceMetadata: stripePrices.metadata,
    })
    .from(stripePrices)
    .innerJoin(stripeProducts, eq(stripeProducts.id, stripePrices.productId))
    .where(inArray(stripePrices.id, ids));
  return new Map(rows.map(({ id, ...texts }) => [id, texts]));
}

/**
 * Names of catalogue products and prices (active or not: an audit entry may be about an archived plan) in `locale`,
 * by id; a price reads as its product's name with its nickname when it has one. Ids the mirror does not know are
 * left out.
 */
export async function getCatalogNames(params: { ids: readonly string[]; locale?: string }, tx: Tx = db): Promise<Map<string, string>> {
  const ids = [...new Set(params.ids)];
  if (ids.length === 0) return new Map();
  const locale = params.locale ?? 'en';
  const productName = (product: { name: string; metadata: Record<string, string> }) => catalogText(product.metadata, 'name', product.name, locale) ?? product.name;
  const [products, prices] = await Promise.all([
    tx.select({ id: stripeProducts.id, name: stripeProducts.name, metadata: stripeProducts.metadata }).from(stripeProducts).where(inArray(stripeProducts.id, ids)),
    tx
      .select({ id: stripePrices.id, nickname: stripePrices.nickname, priceMetadata: stripePrices.metadata, name: stripeProducts.name, metadata: stripeProducts.metadata })
      .from(stripePrices)
      .innerJoin(stripeProducts, eq(stripeProducts.id, stripePrices.productId))
      .where(inArray(stripePrices.id, ids)),
  ]);
  const names = new Map(products.map((product) => [product.id, productName(product)]));
  for (const price of prices) {
    const nickname = catalogText(price.priceMetadata, 'nickname', price.nickname, locale);
    names.set(price.id, nickname ? `${productName(price)} · ${nickname}` : productName(price));
  }
  return names;
}

export type CatalogMeter = {
  /** The meter's event name (`device_hours`): what the usage API and the usage events carry. */
  eventName: string;
  /** Display name in the viewer's language (product metadata `meter_name`, `meter_name_<locale>`). */
  name: string;
};

/** The usage page reads the meters on every view: built once (db/prepared-query.ts). */
const selectMeterProducts = preparedQuery('meter_products', (tx) =>
  tx
    .select({ metadata: stripeProducts.metadata })
    .from(stripeProducts)
    .where(and(eq(stripeProducts.active, true), sql`${stripeProducts.metadata} ? 'seikyu_meter'`))
    .orderBy(asc(stripeProducts.stripeCreated), asc(stripeProducts.id)),
);

/** The metadata of the active products that sell usage (`seikyu_meter`), in catalogue order. */
export async function listMeterProducts(tx: Tx = db): Promise<{ metadata: Record<string, string> }[]> {
  return selectMeterProducts({}, tx);
}

/** The meters those products sell, one per event name (the first product's names), in `locale`. Pure. */
export function catalogMetersOf(products: readonly { metadata: Record<string, string> }[], locale = 'en'): CatalogMeter[] {
  const meters = new Map<string, CatalogMeter>();
  for (const { metadata } of products) {
    const eventName = metadata.seikyu_meter;
    if (!eventName || meters.has(eventName)) continue;
    meters.set(eventName, { eventName, name: catalogText(metadata, 'meter_name', metadata.meter_name ?? eventName, locale) ?? eventName });
  }
  return [...meters.values()];
}

/** The meters the catalogue sells usage on (active products with `seikyu_meter`), one each, in catalogue order. */
export async function listCatalogMeters(params: { locale?: string } = {}, tx: Tx = db): Promise<CatalogMeter[]> {
  return catalogMetersOf(await listMeterProducts(tx), params.locale);
}
