import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { mapPrice, mapProduct } from './map-catalog';
import { mapCustomer } from './map-customer';
import { mapPaymentMethod } from './map-payment-method';

describe('mapPrice', () => {
  const base = {
    id: 'price_team_monthly',
    object: 'price',
    active: true,
    billing_scheme: 'per_unit',
    created: 1_700_000_000,
    currency: 'jpy',
    lookup_key: 'seikyu_team_monthly',
    metadata: {},
    nickname: null,
    product: 'prod_team',
    type: 'recurring',
    unit_amount: 1200,
    recurring: { interval: 'month', interval_count: 1, usage_type: 'licensed', meter: null, trial_period_days: 14 },
    currency_options: {
      jpy: { unit_amount: 1200, custom_unit_amount: null, tax_behavior: 'unspecified', unit_amount_decimal: '1200' },
      usd: { unit_amount: 1000, custom_unit_amount: null, tax_behavior: 'unspecified', unit_amount_decimal: '1000' },
    },
  } as unknown as Stripe.Price;

  it('keeps each currency option with its unit amount in that currency', () => {
    const row = mapPrice(base);
    expect(row.currencyOptions).toEqual({ jpy: { unit_amount: 1200 }, usd: { unit_amount: 1000 } });
    expect(row).toMatchObject({ unitAmount: 1200, currency: 'jpy', recurringInterval: 'month', trialPeriodDays: 14, lookupKey: 'seikyu_team_monthly' });
  });

  it('records the billing meter of a metered price and nothing recurring for a one-time price', () => {
    const metered = mapPrice({ ...base, recurring: { ...base.recurring!, usage_type: 'metered', meter: 'mtr_1' } });
    expect(metered).toMatchObject({ usageType: 'metered', meterId: 'mtr_1' });
    const oneTime = mapPrice({ ...base, type: 'one_time', recurring: null, currency_options: undefined });
    expect(oneTime).toMatchObject({ type: 'one_time', recurringInterval: null, usageType: null, meterId: null, currencyOptions: {} });
  });

  it('reduces an expanded product to its id', () => {
    expect(mapPrice({ ...base, product: { id: 'prod_x' } as Stripe.Product }).productId).toBe('prod_x');
  });
});

describe('mapProduct', () => {
  it('maps the default price reference and metadata', () => {
    const row = mapProduct({
      id: 'prod_team',
      object: 'product',
      active: false,
      name: 'Team',
      description: null,
      default_price: { id: 'price_1' },
      metadata: { seats: 'per_unit' },
      created: 1_700_000_000,
    } as unknown as Stripe.Product);
    expect(row).toMatchObject({ id: 'prod_team', active: false, name: 'Team', defaultPriceId: 'price_1', metadata: { seats: 'per_unit' } });
  });
});

describe('mapCustomer', () => {
  it('maps the default card, locales and balance, and keeps the given organization', () => {
    const row = mapCustomer(
      {
        id: 'cus_1',
        object: 'customer',
        email: 'billing@example.com',
        name: 'Example KK',
        currency: 'jpy',
        balance: -500,
        preferred_locales: ['ja'],
        invoice_settings: { default_payment_method: 'pm_1', custom_fields: null, footer: null, rendering_options: null },
        metadata: { organization_id: 'org_1' },
        created: 1_700_000_000,
      } as unknown as Stripe.Customer,
      'org_1',
    );
    expect(row).toMatchObject({ organizationId: 'org_1', balance: -500, defaultPaymentMethodId: 'pm_1', preferredLocales: ['ja'], deleted: false });
  });
});

describe('mapPaymentMethod', () => {
  it('maps a card and a detached method has no customer', () => {
    const row = mapPaymentMethod(
      {
        id: 'pm_1',
        object: 'payment_method',
        type: 'card',
        customer: null,
        created: 1_700_000_000,
        card: { brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2030 },
      } as unknown as Stripe.PaymentMethod,
      null,
    );
    expect(row).toMatchObject({ customerId: null, cardBrand: 'visa', cardLast4: '4242', cardExpMonth: 12, cardExpYear: 2030 });
  });
});
