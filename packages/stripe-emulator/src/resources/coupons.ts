// Coupons: /v1/coupons create, retrieve, update, delete, list. percent_off or amount_off (+ currency and
// currency_options), duration once / repeating (duration_in_months) / forever, max_redemptions, redeem_by,
// applies_to.products. `currency_options` and `applies_to` are includable (only present with expand[]).
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { tombstonesCollection } from '../core/collections.js';
import { defineCollection } from '../core/store.js';
import { randomToken } from '../core/ids.js';
import { applyMetadata } from '../core/metadata.js';
import { diffAttributes } from '../core/events.js';
import { SUPPORTED_CURRENCIES } from '../core/currency.js';
import type { Full } from '../core/types.js';
import { invalidRequest, resourceMissing } from '../http/errors.js';
import { paginate } from '../http/list.js';
import { listParams, matchesRange, p } from '../http/params.js';
import { productsCollection } from './products.js';

export type StoredCoupon = Omit<Stripe.Coupon, 'applies_to' | 'currency_options' | 'deleted' | 'valid'> & {
  stored_applies_to: string[] | null;
  /** amount_off per currency, including the coupon's own currency (amount_off coupons only). */
  stored_currency_options: Record<string, number>;
};

export const couponsCollection = defineCollection<StoredCoupon>('coupons');

/** Whether a coupon can still be redeemed (not past redeem_by, not at max_redemptions). */
export function couponIsValid(emu: Emulator, coupon: StoredCoupon, at = emu.clock.wallNow()): boolean {
  if (coupon.redeem_by !== null && at > coupon.redeem_by) return false;
  if (coupon.max_redemptions !== null && coupon.times_redeemed >= coupon.max_redemptions) return false;
  return true;
}

export function renderCoupon(emu: Emulator, stored: StoredCoupon): Stripe.Coupon {
  const { stored_applies_to: _a, stored_currency_options: _c, ...rest } = stored;
  return { ...rest, valid: couponIsValid(emu, stored) };
}

/** The coupon (API form) or Stripe's 404 `No such coupon`. */
export function retrieveCoupon(emu: Emulator, id: string, param = 'coupon'): Stripe.Coupon {
  return renderCoupon(emu, emu.store.require(couponsCollection, id, 'coupon', param));
}

/** What billing needs to apply a coupon: amount off in a currency (null if it has none there), products it is limited to. */
export function couponTerms(
  emu: Emulator,
  id: string,
): { percentOff: number | null; amountOffByCurrency: Record<string, number>; appliesToProducts: string[] | null } {
  const c = emu.store.require(couponsCollection, id, 'coupon', 'coupon');
  return { percentOff: c.percent_off, amountOffByCurrency: { ...c.stored_currency_options }, appliesToProducts: c.stored_applies_to };
}

/** Counts one redemption of the coupon (times_redeemed) and emits coupon.updated. */
export function redeemCoupon(emu: Emulator, id: string): void {
  const before = emu.store.require(couponsCollection, id, 'coupon', 'coupon');
  const after = emu.store.update(couponsCollection, id, (c) => ({ ...c, times_redeemed: c.times_redeemed + 1 }));
  emu.events.emit('coupon.updated', renderCoupon(emu, after), { previousAttributes: { times_redeemed: before.times_redeemed } });
}

function checkCurrency(currency: string, param: string): string {
  const c = currency.toLowerCase();
  if (!SUPPORTED_CURRENCIES.has(c)) throw invalidRequest(`Invalid currency: ${currency}.`, { param });
  return c;
}

export function registerCoupons(emu: Emulator): void {
  emu.objects.register({
    object: 'coupon',
    prefix: null,
    collection: couponsCollection,
    render: (c) => renderCoupon(emu, c),
    includable: {
      applies_to: (c): Stripe.Coupon.AppliesTo | undefined => (c.stored_applies_to ? { products: c.stored_applies_to } : undefined),
      currency_options: (c): Record<string, Stripe.Coupon.CurrencyOptions> | undefined =>
        c.amount_off === null ? undefined : Object.fromEntries(Object.entries(c.stored_currency_options).map(([cur, amount]) => [cur, { amount_off: amount }])),
    },
  });
  const { router, store } = emu;

  router.api(
    'POST',
    '/v1/coupons',
    {
      id: p.string({ maxLength: 200 }),
      name: p.string({ maxLength: 40 }),
      percent_off: p.number({ min: 0, max: 100 }),
      amount_off: p.integer({ min: 1 }),
      currency: p.string(),
      currency_options: p.record(p.object({ amount_off: p.required(p.integer({ min: 1 })) })),
      duration: p.enumOf(['forever', 'once', 'repeating']),
      duration_in_months: p.integer({ min: 1 }),
      max_redemptions: p.integer({ min: 1 }),
      redeem_by: p.timestamp(),
      applies_to: p.object({ products: p.array(p.string()) }),
      metadata: p.metadata(),
      script: p.unsupported(),
    },
    ({ params }) => {
      if (params.percent_off === undefined && params.amount_off === undefined) {
        throw invalidRequest('You must pass either percent_off or amount_off.', { param: 'percent_off' });
      }
      if (params.percent_off !== undefined && params.amount_off !== undefined) {
        throw invalidRequest('You may only specify one of these parameters: amount_off, percent_off.', { param: 'amount_off' });
      }
      if (params.percent_off !== undefined && params.percent_off <= 0) throw invalidRequest('percent_off must be greater than 0.', { param: 'percent_off' });
      if (params.amount_off !== undefined && !params.currency) {
        throw invalidRequest('You must pass currency when passing amount_off.', { code: 'parameter_missing', param: 'currency' });
      }
      if (params.currency_options && params.amount_off === undefined) {
        throw invalidRequest('currency_options can only be used with amount_off coupons.', { param: 'currency_options' });
      }
      const duration = params.duration ?? 'once';
      if (duration === 'repeating' && params.duration_in_months === undefined) {
        throw invalidRequest('You must pass duration_in_months when duration is repeating.', { code: 'parameter_missing', param: 'duration_in_months' });
      }
      if (duration !== 'repeating' && params.duration_in_months !== undefined) {
        throw invalidRequest('duration_in_months can only be used when duration is repeating.', { param: 'duration_in_months' });
      }
      const now = emu.clock.wallNow();
      if (params.redeem_by !== undefined && params.redeem_by <= now) {
        throw invalidRequest('redeem_by must be in the future.', { param: 'redeem_by' });
      }
      if (params.id !== undefined && store.has(couponsCollection, params.id)) {
        throw invalidRequest('Coupon already exists.', { code: 'resource_already_exists', param: 'id' });
      }
      for (const product of params.applies_to?.products ?? []) {
        if (!store.has(productsCollection, product)) throw resourceMissing('product', product, 'applies_to[products]');
      }
      const currency = params.currency ? checkCurrency(params.currency, 'currency') : null;
      const options: Record<string, number> = {};
      if (currency && params.amount_off !== undefined) options[currency] = params.amount_off;
      for (const [cur, opt] of Object.entries(params.currency_options ?? {})) {
        options[checkCurrency(cur, `currency_options[${cur}]`)] = opt.amount_off;
      }
      const coupon = {
        id: params.id ?? randomToken(8).toUpperCase(),
        object: 'coupon',
        amount_off: params.amount_off ?? null,
        created: now,
        currency: params.amount_off !== undefined ? currency : null,
        duration,
        duration_in_months: params.duration_in_months ?? null,
        livemode: false,
        max_redemptions: params.max_redemptions ?? null,
        metadata: applyMetadata({}, params.metadata),
        name: params.name ?? null,
        percent_off: params.percent_off ?? null,
        redeem_by: params.redeem_by ?? null,
        times_redeemed: 0,
        stored_applies_to: params.applies_to?.products ?? null,
        stored_currency_options: options,
      } satisfies Full<StoredCoupon>;
      store.insert(couponsCollection, coupon);
      const rendered = renderCoupon(emu, coupon);
      emu.events.emit('coupon.created', rendered);
      return rendered;
    },
  );

  router.api('GET', '/v1/coupons/:id', {}, ({ path }) => retrieveCoupon(emu, path.id, 'id'));

  router.api(
    'POST',
    '/v1/coupons/:id',
    {
      name: p.emptyable(p.string({ maxLength: 40 })),
      metadata: p.metadata(),
      currency_options: p.record(p.object({ amount_off: p.required(p.integer({ min: 1 })) })),
    },
    ({ path, params }) => {
      const stored = store.require(couponsCollection, path.id, 'coupon', 'id');
      if (params.currency_options && stored.amount_off === null) {
        throw invalidRequest('currency_options can only be used with amount_off coupons.', { param: 'currency_options' });
      }
      const options = { ...stored.stored_currency_options };
      for (const [cur, opt] of Object.entries(params.currency_options ?? {})) {
        const c = checkCurrency(cur, `currency_options[${cur}]`);
        if (c === stored.currency) throw invalidRequest("The coupon's own currency amount cannot be changed.", { param: `currency_options[${cur}]` });
        options[c] = opt.amount_off;
      }
      const before = renderCoupon(emu, stored);
      const after = renderCoupon(
        emu,
        store.update(couponsCollection, path.id, (cur) => ({
          ...cur,
          name: params.name !== undefined ? params.name : cur.name,
          metadata: applyMetadata(cur.metadata ?? {}, params.metadata),
          stored_currency_options: options,
        })),
      );
      emu.events.emit('coupon.updated', after, { previousAttributes: diffAttributes(before, after) });
      return after;
    },
  );

  router.api('DELETE', '/v1/coupons/:id', {}, ({ path }) => {
    const stored = store.require(couponsCollection, path.id, 'coupon', 'id');
    const rendered = renderCoupon(emu, stored);
    store.delete(couponsCollection, stored.id);
    store.insert(tombstonesCollection, { id: `coupon:${stored.id}`, object: 'coupon', deletedAt: emu.clock.wallNow() });
    emu.events.emit('coupon.deleted', rendered);
    return { id: stored.id, object: 'coupon', deleted: true } satisfies Stripe.DeletedCoupon;
  });

  router.api('GET', '/v1/coupons', { ...listParams, created: p.range() }, ({ params, urlPath }) =>
    paginate(store.newestFirst(couponsCollection, (c) => matchesRange(c.created, params.created)).map((c) => renderCoupon(emu, c)), params, urlPath),
  );
}
