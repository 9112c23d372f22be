// Promotion codes in this API version's shape: `promotion: { type: 'coupon', coupon }`, `code`, `active`,
// `restrictions` (first_time_transaction, minimum_amount + currency, currency_options — includable as
// `restrictions.currency_options`), `max_redemptions`, `expires_at`, `customer`. List filters `code`, `coupon`,
// `customer`, `active`.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { defineCollection } from '../core/store.js';
import { newId, randomToken } from '../core/ids.js';
import { applyMetadata } from '../core/metadata.js';
import { diffAttributes } from '../core/events.js';
import { SUPPORTED_CURRENCIES } from '../core/currency.js';
import type { Full } from '../core/types.js';
import { invalidRequest, resourceMissing } from '../http/errors.js';
import { paginate } from '../http/list.js';
import { listParams, matchesRange, p } from '../http/params.js';
import { couponIsValid, couponsCollection, retrieveCoupon } from './coupons.js';
import { customersCollection } from '../core/collections.js';

export type StoredPromotionCode = Omit<Stripe.PromotionCode, 'restrictions'> & {
  restrictions: Omit<Stripe.PromotionCode.Restrictions, 'currency_options'>;
  /** minimum_amount per currency (includes minimum_amount_currency). */
  stored_minimum_amounts: Record<string, number>;
};

export const promotionCodesCollection = defineCollection<StoredPromotionCode>('promotion_codes');

function couponIdOf(code: StoredPromotionCode): string {
  const c = code.promotion.coupon;
  return typeof c === 'string' ? c : (c?.id ?? '');
}

/** Whether the code can be used now: active, not expired, under max_redemptions, its coupon valid. */
export function promotionCodeIsActive(emu: Emulator, code: StoredPromotionCode, at = emu.clock.wallNow()): boolean {
  if (!code.active) return false;
  if (code.expires_at !== null && at >= code.expires_at) return false;
  if (code.max_redemptions !== null && code.times_redeemed >= code.max_redemptions) return false;
  const coupon = emu.store.get(couponsCollection, couponIdOf(code));
  return coupon !== undefined && couponIsValid(emu, coupon, at);
}

export function renderPromotionCode(emu: Emulator, stored: StoredPromotionCode): Stripe.PromotionCode {
  const { stored_minimum_amounts: _m, ...rest } = stored;
  return { ...rest, active: promotionCodeIsActive(emu, stored) };
}

export function retrievePromotionCode(emu: Emulator, id: string, param = 'promotion_code'): Stripe.PromotionCode {
  return renderPromotionCode(emu, emu.store.require(promotionCodesCollection, id, 'promotion code', param));
}

/**
 * Checks that a promotion code may be applied for this customer and amount, with Stripe's messages.
 * `amount` is the pre-discount total in `currency`; `firstTimeTransaction` whether the customer has never paid.
 */
export function assertPromotionCodeUsable(
  emu: Emulator,
  id: string,
  use: { customer: string | null; currency: string; amount: number; firstTimeTransaction: boolean; at?: number },
  param = 'promotion_code',
): StoredPromotionCode {
  const code = emu.store.require(promotionCodesCollection, id, 'promotion code', param);
  if (!promotionCodeIsActive(emu, code, use.at)) throw invalidRequest(`This promotion code cannot be redeemed because it is inactive.`, { param });
  if (code.customer && code.customer !== use.customer) {
    throw invalidRequest('This promotion code cannot be redeemed because the associated customer does not match.', { param });
  }
  if (code.restrictions.first_time_transaction && !use.firstTimeTransaction) {
    throw invalidRequest('This promotion code cannot be redeemed because it is only valid for first-time transactions.', { param });
  }
  const minimum = code.stored_minimum_amounts[use.currency.toLowerCase()];
  if (Object.keys(code.stored_minimum_amounts).length > 0 && minimum === undefined) {
    throw invalidRequest(`This promotion code cannot be redeemed in ${use.currency}.`, { param });
  }
  if (minimum !== undefined && use.amount < minimum) {
    throw invalidRequest('This promotion code cannot be redeemed because the minimum amount has not been reached.', { param });
  }
  return code;
}

/** Counts a redemption of the code (times_redeemed); the caller also redeems its coupon. */
export function redeemPromotionCode(emu: Emulator, id: string): void {
  const before = emu.store.require(promotionCodesCollection, id, 'promotion code');
  const after = emu.store.update(promotionCodesCollection, id, (c) => ({ ...c, times_redeemed: c.times_redeemed + 1 }));
  emu.events.emit('promotion_code.updated', renderPromotionCode(emu, after), { previousAttributes: { times_redeemed: before.times_redeemed } });
}

function checkCurrency(currency: string, param: string): string {
  const c = currency.toLowerCase();
  if (!SUPPORTED_CURRENCIES.has(c)) throw invalidRequest(`Invalid currency: ${currency}.`, { param });
  return c;
}

const restrictionsParams = p.object({
  first_time_transaction: p.boolean(),
  minimum_amount: p.integer({ min: 0 }),
  minimum_amount_currency: p.string(),
  currency_options: p.record(p.object({ minimum_amount: p.integer({ min: 0 }) })),
});

export function registerPromotionCodes(emu: Emulator): void {
  emu.objects.register({
    object: 'promotion_code',
    prefix: 'promo',
    collection: promotionCodesCollection,
    render: (c) => renderPromotionCode(emu, c),
    includable: {
      'restrictions.currency_options': (c): Record<string, Stripe.PromotionCode.Restrictions.CurrencyOptions> =>
        Object.fromEntries(Object.entries(c.stored_minimum_amounts).map(([cur, min]) => [cur, { minimum_amount: min }])),
    },
  });
  const { router, store } = emu;

  router.api(
    'POST',
    '/v1/promotion_codes',
    {
      promotion: p.required(p.object({ type: p.required(p.enumOf(['coupon'])), coupon: p.string() })),
      code: p.string({ maxLength: 500 }),
      active: p.boolean(),
      customer: p.string(),
      expires_at: p.timestamp(),
      max_redemptions: p.integer({ min: 1 }),
      metadata: p.metadata(),
      restrictions: restrictionsParams,
      customer_account: p.unsupported(),
    },
    ({ params }) => {
      const couponId = params.promotion.coupon;
      if (!couponId) throw invalidRequest('Missing required param: promotion[coupon].', { code: 'parameter_missing', param: 'promotion[coupon]' });
      retrieveCoupon(emu, couponId, 'promotion[coupon]');
      if (params.customer && !store.has(customersCollection, params.customer)) throw resourceMissing('customer', params.customer, 'customer');
      const now = emu.clock.wallNow();
      if (params.expires_at !== undefined && params.expires_at <= now) throw invalidRequest('expires_at must be in the future.', { param: 'expires_at' });
      const code = params.code ?? randomToken(8).toUpperCase();
      if (!/^[A-Za-z0-9]+$/.test(code)) {
        throw invalidRequest('Promotion codes may only contain alphanumeric characters.', { param: 'code' });
      }
      const clash = store.all(promotionCodesCollection).find((c) => c.code.toUpperCase() === code.toUpperCase() && promotionCodeIsActive(emu, c, now));
      if (clash) throw invalidRequest(`An active promotion code with \`code: ${code}\` already exists.`, { code: 'resource_already_exists', param: 'code' });
      const r = params.restrictions;
      if (r?.minimum_amount !== undefined && !r.minimum_amount_currency) {
        throw invalidRequest('minimum_amount_currency is required with minimum_amount.', { code: 'parameter_missing', param: 'restrictions[minimum_amount_currency]' });
      }
      const minimums: Record<string, number> = {};
      if (r?.minimum_amount !== undefined && r.minimum_amount_currency) {
        minimums[checkCurrency(r.minimum_amount_currency, 'restrictions[minimum_amount_currency]')] = r.minimum_amount;
      }
      for (const [cur, opt] of Object.entries(r?.currency_options ?? {})) {
        if (opt.minimum_amount !== undefined) minimums[checkCurrency(cur, `restrictions[currency_options][${cur}]`)] = opt.minimum_amount;
      }
      const promo = {
        id: newId('promo'),
        object: 'promotion_code',
        active: params.active ?? true,
        code,
        created: now,
        customer: params.customer ?? null,
        customer_account: null,
        expires_at: params.expires_at ?? null,
        livemode: false,
        max_redemptions: params.max_redemptions ?? null,
        metadata: applyMetadata({}, params.metadata),
        promotion: { type: 'coupon', coupon: couponId },
        restrictions: {
          first_time_transaction: r?.first_time_transaction ?? false,
          minimum_amount: r?.minimum_amount ?? null,
          minimum_amount_currency: r?.minimum_amount_currency?.toLowerCase() ?? null,
        },
        times_redeemed: 0,
        stored_minimum_amounts: minimums,
      } satisfies Full<StoredPromotionCode>;
      store.insert(promotionCodesCollection, promo);
      const rendered = renderPromotionCode(emu, promo);
      emu.events.emit('promotion_code.created', rendered);
      return rendered;
    },
  );

  router.api('GET', '/v1/promotion_codes/:id', {}, ({ path }) => retrievePromotionCode(emu, path.id, 'id'));

  router.api(
    'POST',
    '/v1/promotion_codes/:id',
    {
      active: p.boolean(),
      metadata: p.metadata(),
      restrictions: p.object({ currency_options: p.record(p.object({ minimum_amount: p.integer({ min: 0 }) })) }),
    },
    ({ path, params }) => {
      const stored = store.require(promotionCodesCollection, path.id, 'promotion code', 'id');
      const now = emu.clock.wallNow();
      if (params.active === true && !stored.active) {
        const clash = store.all(promotionCodesCollection).find((c) => c.id !== stored.id && c.code.toUpperCase() === stored.code.toUpperCase() && promotionCodeIsActive(emu, c, now));
        if (clash) throw invalidRequest(`An active promotion code with \`code: ${stored.code}\` already exists.`, { param: 'active' });
      }
      const minimums = { ...stored.stored_minimum_amounts };
      for (const [cur, opt] of Object.entries(params.restrictions?.currency_options ?? {})) {
        if (opt.minimum_amount !== undefined) minimums[checkCurrency(cur, `restrictions[currency_options][${cur}]`)] = opt.minimum_amount;
      }
      const before = renderPromotionCode(emu, stored);
      const after = renderPromotionCode(
        emu,
        store.update(promotionCodesCollection, path.id, (cur) => ({
          ...cur,
          active: params.active ?? cur.active,
          metadata: applyMetadata(cur.metadata ?? {}, params.metadata),
          stored_minimum_amounts: minimums,
        })),
      );
      emu.events.emit('promotion_code.updated', after, { previousAttributes: diffAttributes(before, after) });
      return after;
    },
  );

  router.api(
    'GET',
    '/v1/promotion_codes',
    { ...listParams, active: p.boolean(), code: p.string(), coupon: p.string(), customer: p.string(), created: p.range(), customer_account: p.unsupported() },
    ({ params, urlPath }) => {
      const items = store
        .newestFirst(
          promotionCodesCollection,
          (c) =>
            (!params.code || c.code.toUpperCase() === params.code.toUpperCase()) &&
            (!params.coupon || couponIdOf(c) === params.coupon) &&
            (!params.customer || c.customer === params.customer) &&
            matchesRange(c.created, params.created),
        )
        .map((c) => renderPromotionCode(emu, c))
        .filter((c) => params.active === undefined || c.active === params.active);
      return paginate(items, params, urlPath);
    },
  );
}
