// Prices: /v1/prices create, retrieve, update, list. One-time and recurring (licensed or metered with
// `recurring.meter`), `currency_options` and `tiers` (both includable: only present with expand[]), lookup
// keys with `transfer_lookup_key`, `transform_quantity`, `tax_behavior`, `billing_scheme` per_unit | tiered.
// Decimal fields are kept as strings in the store and rendered as the SDK's Decimal.
import Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { defineCollection } from '../core/store.js';
import { newId } from '../core/ids.js';
import { applyMetadata } from '../core/metadata.js';
import { diffAttributes } from '../core/events.js';
import { SUPPORTED_CURRENCIES } from '../core/currency.js';
import type { Full } from '../core/types.js';
import { invalidRequest, resourceMissing } from '../http/errors.js';
import { paginate } from '../http/list.js';
import { listParams, matchesRange, p, type Infer, type ObjectOf } from '../http/params.js';
import { createProduct, productsCollection } from '../catalog/product-store.js';

interface StoredTier {
  flat_amount: number | null;
  flat_amount_decimal: string | null;
  unit_amount: number | null;
  unit_amount_decimal: string | null;
  up_to: number | null;
}

interface StoredCurrencyOption {
  tax_behavior: Stripe.Price.CurrencyOptions.TaxBehavior | null;
  unit_amount: number | null;
  unit_amount_decimal: string | null;
  tiers: StoredTier[] | null;
}

/** A price as stored: the API object's fields with decimals as strings, plus its includable parts. */
export type StoredPrice = Omit<Stripe.Price, 'unit_amount_decimal' | 'currency_options' | 'tiers' | 'deleted'> & {
  unit_amount_decimal: string | null;
  stored_tiers: StoredTier[] | null;
  stored_currency_options: Record<string, StoredCurrencyOption>;
};

export const pricesCollection = defineCollection<StoredPrice>('prices');

const decimal = (s: string | null): Stripe.Decimal | null => (s === null ? null : Stripe.Decimal.from(s));

function renderTier(t: StoredTier): Stripe.Price.Tier {
  return { flat_amount: t.flat_amount, flat_amount_decimal: decimal(t.flat_amount_decimal), unit_amount: t.unit_amount, unit_amount_decimal: decimal(t.unit_amount_decimal), up_to: t.up_to };
}

/** The API form of a stored price (without the includable `currency_options` and `tiers`). */
export function renderPrice(stored: StoredPrice): Stripe.Price {
  const { stored_tiers: _tiers, stored_currency_options: _options, unit_amount_decimal, ...rest } = stored;
  return { ...rest, unit_amount_decimal: decimal(unit_amount_decimal) };
}

/** `currency_options` as returned with `expand[]=currency_options` (includes the price's own currency). */
export function priceCurrencyOptions(stored: StoredPrice): Record<string, Stripe.Price.CurrencyOptions> {
  const out: Record<string, Stripe.Price.CurrencyOptions> = {};
  for (const [currency, option] of Object.entries(stored.stored_currency_options)) {
    out[currency] = {
      custom_unit_amount: null,
      tax_behavior: option.tax_behavior,
      unit_amount: option.unit_amount,
      unit_amount_decimal: decimal(option.unit_amount_decimal),
      ...(option.tiers ? { tiers: option.tiers.map(renderTier) } : {}),
    };
  }
  return out;
}

/** The price (API form) or Stripe's 404 `No such price`. */
export function retrievePrice(emu: Emulator, id: string, param = 'price'): Stripe.Price {
  return renderPrice(emu.store.require(pricesCollection, id, 'price', param));
}

/** Unit amount of a price in `currency` (its own currency or one of its currency_options), or null. */
export function priceAmountIn(emu: Emulator, priceId: string, currency: string): { unitAmount: number | null; unitAmountDecimal: string | null; tiers: StoredTier[] | null } | null {
  const stored = emu.store.require(pricesCollection, priceId, 'price');
  const option = stored.stored_currency_options[currency.toLowerCase()];
  if (!option) return null;
  return { unitAmount: option.unit_amount, unitAmountDecimal: option.unit_amount_decimal, tiers: option.tiers ?? stored.stored_tiers };
}

/** `product_data` on price create (and the writable fields of product create). */
export const productDataParams = p.object({
  name: p.required(p.string()),
  id: p.string(),
  active: p.boolean(),
  metadata: p.metadata(),
  statement_descriptor: p.string({ maxLength: 22 }),
  tax_code: p.string(),
  unit_label: p.string({ maxLength: 12 }),
  tax_details: p.unsupported(),
});

const tierParams = p.object({
  up_to: p.required(p.stringOr(p.object({}))),
  flat_amount: p.integer({ min: 0 }),
  flat_amount_decimal: p.decimal(),
  unit_amount: p.integer({ min: 0 }),
  unit_amount_decimal: p.decimal(),
});

const currencyOptionParams = p.object({
  unit_amount: p.integer({ min: 0 }),
  unit_amount_decimal: p.decimal(),
  tax_behavior: p.enumOf(['exclusive', 'inclusive', 'unspecified']),
  tiers: p.array(tierParams),
  custom_unit_amount: p.unsupported(),
});

export const recurringParams = p.object({
  interval: p.required(p.enumOf(['day', 'week', 'month', 'year'])),
  interval_count: p.integer({ min: 1 }),
  usage_type: p.enumOf(['licensed', 'metered']),
  meter: p.string(),
  trial_period_days: p.integer({ min: 1, max: 730 }),
});

const transformQuantityParams = p.object({ divide_by: p.required(p.integer({ min: 1 })), round: p.required(p.enumOf(['down', 'up'])) });

function toTiers(input: Array<Infer<typeof tierParams>>, param: string): StoredTier[] {
  if (input.length === 0) throw invalidRequest('You must specify at least one tier.', { param });
  return input.map((t, i) => {
    let upTo: number | null;
    if (t.up_to === 'inf') upTo = null;
    else if (typeof t.up_to === 'string' && /^\d+$/.test(t.up_to)) upTo = Number(t.up_to);
    else throw invalidRequest(`Invalid ${param}[${i}][up_to]: must be a positive integer or inf`, { param: `${param}[${i}][up_to]` });
    if (upTo === null && i !== input.length - 1) throw invalidRequest('Only the last tier may have up_to=inf.', { param: `${param}[${i}][up_to]` });
    if (upTo !== null && i === input.length - 1) throw invalidRequest('The last tier must have up_to=inf.', { param: `${param}[${i}][up_to]` });
    return {
      up_to: upTo,
      flat_amount: t.flat_amount ?? null,
      flat_amount_decimal: t.flat_amount_decimal ?? (t.flat_amount !== undefined ? String(t.flat_amount) : null),
      unit_amount: t.unit_amount ?? null,
      unit_amount_decimal: t.unit_amount_decimal ?? (t.unit_amount !== undefined ? String(t.unit_amount) : null),
    };
  });
}

function checkCurrency(currency: string, param: string): string {
  const c = currency.toLowerCase();
  if (!SUPPORTED_CURRENCIES.has(c)) throw invalidRequest(`Invalid currency: ${currency}.`, { param });
  return c;
}

/** One amount: `unit_amount` or `unit_amount_decimal` (not both), or tiers for tiered prices. */
function amountOf(
  input: { unit_amount?: number; unit_amount_decimal?: string; tiers?: Array<Infer<typeof tierParams>> },
  tiered: boolean,
  /** Param name of a field, e.g. `f => \`currency_options[jpy][${f}]\``. */
  param: (field: string) => string,
): { unit_amount: number | null; unit_amount_decimal: string | null; tiers: StoredTier[] | null } {
  if (input.unit_amount !== undefined && input.unit_amount_decimal !== undefined) {
    throw invalidRequest('You may only specify one of these parameters: unit_amount, unit_amount_decimal.', { param: param('unit_amount_decimal') });
  }
  if (tiered) {
    if (!input.tiers) throw invalidRequest('Missing required param: tiers.', { code: 'parameter_missing', param: param('tiers') });
    return { unit_amount: null, unit_amount_decimal: null, tiers: toTiers(input.tiers, param('tiers')) };
  }
  if (input.tiers) throw invalidRequest('Tiers may only be given for prices with billing_scheme=tiered.', { param: param('tiers') });
  if (input.unit_amount !== undefined) return { unit_amount: input.unit_amount, unit_amount_decimal: String(input.unit_amount), tiers: null };
  if (input.unit_amount_decimal !== undefined) {
    const n = Number(input.unit_amount_decimal);
    return { unit_amount: Number.isInteger(n) ? n : null, unit_amount_decimal: input.unit_amount_decimal, tiers: null };
  }
  throw invalidRequest(`Missing required param: ${param('unit_amount')}.`, { code: 'parameter_missing', param: param('unit_amount') });
}

export const priceCreateShape = {
  currency: p.required(p.string()),
  product: p.string(),
  product_data: productDataParams,
  unit_amount: p.integer({ min: 0 }),
  unit_amount_decimal: p.decimal(),
  active: p.boolean(),
  billing_scheme: p.enumOf(['per_unit', 'tiered']),
  currency_options: p.record(currencyOptionParams),
  lookup_key: p.string({ maxLength: 200 }),
  metadata: p.metadata(),
  nickname: p.string(),
  recurring: recurringParams,
  tax_behavior: p.enumOf(['exclusive', 'inclusive', 'unspecified']),
  tiers: p.array(tierParams),
  tiers_mode: p.enumOf(['graduated', 'volume']),
  transfer_lookup_key: p.boolean(),
  transform_quantity: transformQuantityParams,
  custom_unit_amount: p.unsupported(),
} as const;

export type PriceCreateInput = Omit<ObjectOf<typeof priceCreateShape>, 'product' | 'product_data'> & { product: string };

function takeLookupKey(emu: Emulator, key: string, transfer: boolean | undefined, exceptId?: string): void {
  const holder = emu.store.all(pricesCollection).find((pr) => pr.lookup_key === key && pr.id !== exceptId);
  if (!holder) return;
  if (!transfer) {
    throw invalidRequest(`A price (\`${holder.id}\`) already uses that lookup key.`, { param: 'lookup_key' });
  }
  const before = renderPrice(holder);
  const after = emu.store.update(pricesCollection, holder.id, (cur) => ({ ...cur, lookup_key: null }));
  emu.events.emit('price.updated', renderPrice(after), { previousAttributes: diffAttributes(before, renderPrice(after)) });
}

/** Validates and creates a price for an existing product. Emits price.created. */
export function createPrice(emu: Emulator, input: PriceCreateInput, name: (field: string) => string = (f) => f): Stripe.Price {
  const currency = checkCurrency(input.currency, name(`currency`));
  const product = emu.store.get(productsCollection, input.product);
  if (!product) throw resourceMissing('product', input.product, name(`product`));
  const tiered = input.billing_scheme === 'tiered';
  if (tiered && !input.tiers_mode) throw invalidRequest('Missing required param: tiers_mode.', { code: 'parameter_missing', param: name(`tiers_mode`) });
  if (tiered && input.transform_quantity) throw invalidRequest('transform_quantity cannot be used with tiered prices.', { param: name(`transform_quantity`) });
  const main = amountOf(input, tiered, name);
  const recurring = input.recurring;
  if (recurring) {
    const count = recurring.interval_count ?? 1;
    const maxCount = { day: 1095, week: 156, month: 36, year: 3 }[recurring.interval];
    if (count > maxCount) throw invalidRequest(`Invalid recurring[interval_count]: the maximum for interval=${recurring.interval} is ${maxCount} (three years).`, { param: name(`recurring[interval_count]`) });
    if (recurring.usage_type === 'metered' && !recurring.meter) {
      throw invalidRequest('A metered price must be associated with a billing meter: set recurring[meter].', { code: 'parameter_missing', param: name(`recurring[meter]`) });
    }
    if (recurring.meter) {
      if (recurring.usage_type !== 'metered') throw invalidRequest('recurring[meter] requires recurring[usage_type]=metered.', { param: name(`recurring[usage_type]`) });
      const meter = emu.objects.lookup(recurring.meter);
      if (!meter || !recurring.meter.startsWith('mtr_')) throw resourceMissing('billing meter', recurring.meter, name(`recurring[meter]`));
    }
  }
  const options: Record<string, StoredCurrencyOption> = {
    [currency]: { tax_behavior: input.tax_behavior ?? null, unit_amount: main.unit_amount, unit_amount_decimal: main.unit_amount_decimal, tiers: main.tiers },
  };
  for (const [cur, opt] of Object.entries(input.currency_options ?? {})) {
    const c = checkCurrency(cur, name(`currency_options`));
    if (c === currency) throw invalidRequest(`currency_options may not include the price's own currency (${currency}).`, { param: name(`currency_options[${cur}]`) });
    const amount = amountOf(opt, tiered, (f) => name(`currency_options[${cur}][${f}]`));
    options[c] = { tax_behavior: opt.tax_behavior ?? input.tax_behavior ?? null, unit_amount: amount.unit_amount, unit_amount_decimal: amount.unit_amount_decimal, tiers: amount.tiers };
  }
  if (input.lookup_key) takeLookupKey(emu, input.lookup_key, input.transfer_lookup_key);
  const price = {
    id: newId('price'),
    object: 'price',
    active: input.active ?? true,
    billing_scheme: tiered ? 'tiered' : 'per_unit',
    created: emu.clock.wallNow(),
    currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: input.lookup_key ?? null,
    metadata: applyMetadata({}, input.metadata),
    nickname: input.nickname ?? null,
    product: product.id,
    recurring: recurring
      ? {
          interval: recurring.interval,
          interval_count: recurring.interval_count ?? 1,
          meter: recurring.meter ?? null,
          trial_period_days: recurring.trial_period_days ?? null,
          usage_type: recurring.usage_type ?? 'licensed',
        }
      : null,
    tax_behavior: input.tax_behavior ?? 'unspecified',
    tiers_mode: tiered ? (input.tiers_mode ?? null) : null,
    transform_quantity: input.transform_quantity ?? null,
    type: recurring ? 'recurring' : 'one_time',
    unit_amount: main.unit_amount,
    unit_amount_decimal: main.unit_amount_decimal,
    stored_tiers: main.tiers,
    stored_currency_options: options,
  } satisfies Full<StoredPrice>;
  emu.store.insert(pricesCollection, price);
  const rendered = renderPrice(price);
  emu.events.emit('price.created', rendered);
  return rendered;
}

export function registerPrices(emu: Emulator): void {
  emu.objects.register({
    object: 'price',
    prefix: 'price',
    collection: pricesCollection,
    render: renderPrice,
    includable: {
      currency_options: priceCurrencyOptions,
      tiers: (stored) => (stored.stored_tiers ? stored.stored_tiers.map(renderTier) : undefined),
    },
  });
  const { router, store } = emu;

  router.api('POST', '/v1/prices', priceCreateShape, ({ params }) => {
    const { product_data: productData, product, ...rest } = params;
    if (product && productData) throw invalidRequest('You may only specify one of these parameters: product, product_data.', { param: 'product_data' });
    if (!product && !productData) throw invalidRequest('Missing required param: product.', { code: 'parameter_missing', param: 'product' });
    if (product && !store.has(productsCollection, product)) throw resourceMissing('product', product, 'product');
    // Validate the price fully before creating an inline product, so a bad request creates nothing.
    checkCurrency(rest.currency, 'currency');
    amountOf(rest, rest.billing_scheme === 'tiered', (f) => f);
    const productId = product ?? createProduct(emu, { ...productData, name: productData?.name ?? '' }).id;
    return createPrice(emu, { ...rest, product: productId });
  });

  router.api('GET', '/v1/prices/:id', {}, ({ path }) => retrievePrice(emu, path.id, 'id'));

  router.api(
    'POST',
    '/v1/prices/:id',
    {
      active: p.boolean(),
      currency_options: p.emptyable(p.record(currencyOptionParams)),
      lookup_key: p.string({ maxLength: 200 }),
      metadata: p.metadata(),
      nickname: p.emptyable(p.string()),
      tax_behavior: p.enumOf(['exclusive', 'inclusive', 'unspecified']),
      transfer_lookup_key: p.boolean(),
    },
    ({ path, params }) => {
      const stored = store.require(pricesCollection, path.id, 'price', 'id');
      if (params.tax_behavior && stored.tax_behavior && stored.tax_behavior !== 'unspecified' && stored.tax_behavior !== params.tax_behavior) {
        throw invalidRequest('The tax_behavior of a price cannot be changed once it is set.', { param: 'tax_behavior' });
      }
      const options = { ...stored.stored_currency_options };
      if (params.currency_options === null) {
        for (const c of Object.keys(options)) if (c !== stored.currency) delete options[c];
      } else if (params.currency_options) {
        for (const [cur, opt] of Object.entries(params.currency_options)) {
          const c = checkCurrency(cur, 'currency_options');
          if (c === stored.currency) throw invalidRequest(`currency_options may not include the price's own currency (${c}).`, { param: `currency_options[${cur}]` });
          const amount = amountOf(opt, stored.billing_scheme === 'tiered', (f) => `currency_options[${cur}][${f}]`);
          options[c] = { tax_behavior: opt.tax_behavior ?? stored.tax_behavior, unit_amount: amount.unit_amount, unit_amount_decimal: amount.unit_amount_decimal, tiers: amount.tiers };
        }
      }
      if (params.lookup_key) takeLookupKey(emu, params.lookup_key, params.transfer_lookup_key, stored.id);
      const before = renderPrice(stored);
      const after = store.update(pricesCollection, path.id, (cur) => ({
        ...cur,
        active: params.active ?? cur.active,
        lookup_key: params.lookup_key ?? cur.lookup_key,
        metadata: applyMetadata(cur.metadata, params.metadata),
        nickname: params.nickname !== undefined ? params.nickname : cur.nickname,
        tax_behavior: params.tax_behavior ?? cur.tax_behavior,
        stored_currency_options: options,
      }));
      const rendered = renderPrice(after);
      const previous = diffAttributes(before, rendered);
      if (Object.keys(previous).length > 0 || params.currency_options !== undefined) emu.events.emit('price.updated', rendered, { previousAttributes: previous });
      return rendered;
    },
  );

  router.api(
    'GET',
    '/v1/prices',
    {
      ...listParams,
      active: p.boolean(),
      currency: p.string(),
      lookup_keys: p.array(p.string(), { maxLength: 10 }),
      product: p.string(),
      type: p.enumOf(['one_time', 'recurring']),
      recurring: p.object({ interval: p.enumOf(['day', 'week', 'month', 'year']), meter: p.string(), usage_type: p.enumOf(['licensed', 'metered']) }),
      created: p.range(),
    },
    ({ params, urlPath }) => {
      const items = store.newestFirst(pricesCollection, (pr) => {
        if (params.active !== undefined && pr.active !== params.active) return false;
        if (params.currency && !(params.currency.toLowerCase() in pr.stored_currency_options)) return false;
        if (params.lookup_keys && (!pr.lookup_key || !params.lookup_keys.includes(pr.lookup_key))) return false;
        if (params.product && pr.product !== params.product) return false;
        if (params.type && pr.type !== params.type) return false;
        if (params.recurring) {
          if (!pr.recurring) return false;
          if (params.recurring.interval && pr.recurring.interval !== params.recurring.interval) return false;
          if (params.recurring.meter && pr.recurring.meter !== params.recurring.meter) return false;
          if (params.recurring.usage_type && pr.recurring.usage_type !== params.recurring.usage_type) return false;
        }
        return matchesRange(pr.created, params.created);
      });
      return paginate(items.map(renderPrice), params, urlPath);
    },
  );
}
