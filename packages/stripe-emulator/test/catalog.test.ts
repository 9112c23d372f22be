import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startTestEmulator, stripeError, type TestEmulator } from './helpers.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

describe('products and prices', () => {
  it('creates a product with a default price and multi-currency options shown only when expanded', async () => {
    const { stripe } = emu;
    const product = await stripe.products.create({
      name: 'Team',
      metadata: { tier: 'team' },
      default_price_data: { currency: 'usd', unit_amount: 4900, recurring: { interval: 'month' }, currency_options: { jpy: { unit_amount: 7000 } } },
    });
    expect(product).toMatchObject({ object: 'product', name: 'Team', active: true, metadata: { tier: 'team' }, type: 'service' });
    expect(typeof product.default_price).toBe('string');

    const price = await stripe.prices.retrieve(String(product.default_price));
    expect(price).toMatchObject({ currency: 'usd', unit_amount: 4900, type: 'recurring', product: product.id, billing_scheme: 'per_unit' });
    expect(price.recurring).toEqual({ interval: 'month', interval_count: 1, meter: null, trial_period_days: null, usage_type: 'licensed' });
    expect(price.currency_options).toBeUndefined();
    expect(String(price.unit_amount_decimal)).toBe('4900');

    const expanded = await stripe.prices.retrieve(price.id, { expand: ['currency_options', 'product'] });
    expect(expanded.currency_options?.jpy.unit_amount).toBe(7000);
    expect(expanded.currency_options?.usd.unit_amount).toBe(4900);
    expect(expanded.product).toMatchObject({ id: product.id, object: 'product' });

    const listed = await stripe.prices.list({ product: product.id, expand: ['data.currency_options'] });
    expect(listed.data[0].currency_options?.jpy.unit_amount).toBe(7000);
  });

  it('keeps lookup keys unique unless transferred, and filters by lookup_keys', async () => {
    const { stripe } = emu;
    const product = await stripe.products.create({ name: 'Starter' });
    const first = await stripe.prices.create({ product: product.id, currency: 'jpy', unit_amount: 980, recurring: { interval: 'month' }, lookup_key: 'starter_monthly_jpy' });
    expect(first.unit_amount).toBe(980);
    const dup = await stripeError(stripe.prices.create({ product: product.id, currency: 'jpy', unit_amount: 1080, recurring: { interval: 'month' }, lookup_key: 'starter_monthly_jpy' }));
    expect(dup.param).toBe('lookup_key');
    const second = await stripe.prices.create({
      product: product.id,
      currency: 'jpy',
      unit_amount: 1080,
      recurring: { interval: 'month' },
      lookup_key: 'starter_monthly_jpy',
      transfer_lookup_key: true,
    });
    const found = await stripe.prices.list({ lookup_keys: ['starter_monthly_jpy'] });
    expect(found.data.map((p) => p.id)).toEqual([second.id]);
    expect((await stripe.prices.retrieve(first.id)).lookup_key).toBeNull();
  });

  it('creates one-time, transform_quantity and tiered prices, and refuses a metered price without a meter', async () => {
    const { stripe } = emu;
    const pass = await stripe.prices.create({ currency: 'usd', unit_amount: 1500, product_data: { name: '30-day pass' } });
    expect(pass).toMatchObject({ type: 'one_time', recurring: null });
    const perTen = await stripe.prices.create({ currency: 'usd', unit_amount: 100, product: String(pass.product), transform_quantity: { divide_by: 10, round: 'up' } });
    expect(perTen.transform_quantity).toEqual({ divide_by: 10, round: 'up' });
    const tiered = await stripe.prices.create({
      currency: 'usd',
      product: String(pass.product),
      billing_scheme: 'tiered',
      tiers_mode: 'graduated',
      recurring: { interval: 'month' },
      tiers: [
        { up_to: 10, unit_amount: 500 },
        { up_to: 'inf', unit_amount: 300 },
      ],
    });
    expect(tiered.unit_amount).toBeNull();
    const withTiers = await stripe.prices.retrieve(tiered.id, { expand: ['tiers'] });
    expect(withTiers.tiers?.map((t) => [t.up_to, t.unit_amount])).toEqual([[10, 500], [null, 300]]);

    const metered = await stripeError(stripe.prices.create({ currency: 'usd', unit_amount: 5, product: String(pass.product), recurring: { interval: 'month', usage_type: 'metered' } }));
    expect(metered.param).toBe('recurring[meter]');
    const noMeter = await stripeError(
      stripe.prices.create({ currency: 'usd', unit_amount: 5, product: String(pass.product), recurring: { interval: 'month', usage_type: 'metered', meter: 'mtr_missing' } }),
    );
    expect(noMeter.statusCode).toBe(404);
  });

  it('does not create the inline product when the price is invalid, and refuses to delete a product with prices', async () => {
    const { stripe } = emu;
    const before = (await stripe.products.list({ limit: 100 })).data.length;
    const bad = await stripeError(stripe.prices.create({ currency: 'usd', product_data: { name: 'Ghost' } }));
    expect(bad.param).toBe('unit_amount');
    expect((await stripe.products.list({ limit: 100 })).data.length).toBe(before);

    const product = await stripe.products.create({ name: 'Per device', default_price_data: { currency: 'usd', unit_amount: 300 } });
    const refused = await stripeError(stripe.products.del(product.id));
    expect(refused.statusCode).toBe(400);
    const empty = await stripe.products.create({ name: 'Empty' });
    expect(await stripe.products.del(empty.id)).toEqual({ id: empty.id, object: 'product', deleted: true });
  });
});

describe('coupons and promotion codes', () => {
  it('creates percent and amount coupons with currency options and applies_to as includable fields', async () => {
    const { stripe } = emu;
    const product = await stripe.products.create({ name: 'Discounted' });
    const percent = await stripe.coupons.create({ percent_off: 20, duration: 'repeating', duration_in_months: 3, id: 'TWENTY' });
    expect(percent).toMatchObject({ id: 'TWENTY', percent_off: 20, amount_off: null, duration: 'repeating', duration_in_months: 3, valid: true, times_redeemed: 0 });
    const amount = await stripe.coupons.create({ amount_off: 500, currency: 'usd', currency_options: { jpy: { amount_off: 700 } }, duration: 'once', applies_to: { products: [product.id] }, max_redemptions: 5 });
    expect(amount.currency_options).toBeUndefined();
    expect(amount.applies_to).toBeUndefined();
    const expanded = await stripe.coupons.retrieve(amount.id, { expand: ['currency_options', 'applies_to'] });
    expect(expanded.currency_options).toEqual({ usd: { amount_off: 500 }, jpy: { amount_off: 700 } });
    expect(expanded.applies_to).toEqual({ products: [product.id] });

    const missing = await stripeError(stripe.coupons.create({ amount_off: 500, duration: 'once' }));
    expect(missing.param).toBe('currency');
    const repeating = await stripeError(stripe.coupons.create({ percent_off: 10, duration: 'repeating' }));
    expect(repeating.param).toBe('duration_in_months');
  });

  it('creates promotion codes in the endive shape and finds them by code', async () => {
    const { stripe } = emu;
    const coupon = await stripe.coupons.create({ percent_off: 10, duration: 'forever' });
    const promo = await stripe.promotionCodes.create({
      promotion: { type: 'coupon', coupon: coupon.id },
      code: 'WELCOME10',
      max_redemptions: 100,
      restrictions: { first_time_transaction: true, minimum_amount: 1000, minimum_amount_currency: 'usd', currency_options: { jpy: { minimum_amount: 1500 } } },
    });
    expect(promo.id).toMatch(/^promo_/);
    expect(promo).toMatchObject({
      object: 'promotion_code',
      code: 'WELCOME10',
      active: true,
      customer: null,
      expires_at: null,
      max_redemptions: 100,
      times_redeemed: 0,
      promotion: { type: 'coupon', coupon: coupon.id },
      restrictions: { first_time_transaction: true, minimum_amount: 1000, minimum_amount_currency: 'usd' },
    });
    expect(promo.restrictions.currency_options).toBeUndefined();
    const withOptions = await stripe.promotionCodes.retrieve(promo.id, { expand: ['restrictions.currency_options', 'promotion.coupon'] });
    expect(withOptions.restrictions.currency_options).toEqual({ usd: { minimum_amount: 1000 }, jpy: { minimum_amount: 1500 } });
    expect(withOptions.promotion.coupon).toMatchObject({ id: coupon.id, object: 'coupon', percent_off: 10 });

    const byCode = await stripe.promotionCodes.list({ code: 'WELCOME10' });
    expect(byCode.data.map((p) => p.id)).toEqual([promo.id]);
    const dup = await stripeError(stripe.promotionCodes.create({ promotion: { type: 'coupon', coupon: coupon.id }, code: 'WELCOME10' }));
    expect(dup.param).toBe('code');

    const off = await stripe.promotionCodes.update(promo.id, { active: false });
    expect(off.active).toBe(false);
    expect((await stripe.promotionCodes.list({ code: 'WELCOME10', active: true })).data).toHaveLength(0);

    const legacy = await rawRequest(emu.url, 'POST', '/v1/promotion_codes', { body: `coupon=${coupon.id}&code=LEGACY` });
    expect(legacy.status).toBe(400);
    expect(legacy.json).toMatchObject({ error: { code: 'parameter_unknown', param: 'coupon' } });
  });
});
