import { describe, expect, it } from 'vitest';
import type { CatalogPrice } from '@/db/queries/catalog';
import { firstInvoiceAmount, groupCatalog, parsePlanInterval } from './group-catalog';

function price(overrides: Partial<CatalogPrice>): CatalogPrice {
  return {
    id: 'price_x',
    productId: 'prod_x',
    productName: 'X',
    productDescription: null,
    kind: 'plan',
    isFree: false,
    perUnit: null,
    unitLabel: null,
    currency: 'jpy',
    unitAmount: 1500,
    type: 'recurring',
    interval: 'month',
    intervalCount: 1,
    metered: false,
    meterId: null,
    meterEventName: null,
    meterName: null,
    trialPeriodDays: null,
    lookupKey: null,
    nickname: null,
    ...overrides,
  };
}

const catalog = [
  price({ id: 'team_m', productId: 'team', perUnit: 'seat', unitAmount: 2000 }),
  price({ id: 'free', productId: 'free', isFree: true, unitAmount: 0 }),
  price({ id: 'starter_m', productId: 'starter' }),
  price({ id: 'starter_y', productId: 'starter', interval: 'year', unitAmount: 15000 }),
  price({ id: 'backup', productId: 'backup', kind: 'addon', perUnit: 'device', unitAmount: 500 }),
  price({ id: 'hours', productId: 'hours', kind: 'usage', metered: true, unitAmount: 20 }),
  price({ id: 'pass', productId: 'pass', kind: 'pass', type: 'one_time', interval: null, unitAmount: 3000 }),
];

describe('groupCatalog', () => {
  it('shows the monthly plans with the free tier, cheapest first, and the annual ones with the free tier', () => {
    expect(groupCatalog(catalog, 'month').plans.map((p) => p.id)).toEqual(['free', 'starter_m', 'team_m']);
    expect(groupCatalog(catalog, 'year').plans.map((p) => p.id)).toEqual(['free', 'starter_y']);
  });

  it('keeps add-ons without an annual price visible on the annual tab, and lists usage and one-off items apart', () => {
    const groups = groupCatalog(catalog, 'year');
    expect(groups.addons.map((p) => p.id)).toEqual(['backup']);
    expect(groups.usage.map((p) => p.id)).toEqual(['hours']);
    expect(groups.oneOff.map((p) => p.id)).toEqual(['pass']);
    expect(groups.hasAnnual).toBe(true);
  });
});

describe('compareByPrice', () => {
  it('puts the free tier first, then the cheaper plan, prices on request last, equal prices by name', () => {
    const plans = [
      price({ id: 'custom', productName: 'Enterprise', unitAmount: null }),
      price({ id: 'starter', productName: 'Starter', unitAmount: 1500 }),
      price({ id: 'team', productName: 'Team', unitAmount: 1200, perUnit: 'seat' }),
      price({ id: 'beta', productName: 'Beta', unitAmount: 1500 }),
      price({ id: 'free', productName: 'Free', unitAmount: 0, isFree: true }),
    ];
    expect(groupCatalog(plans, 'month').plans.map((p) => p.id)).toEqual(['free', 'team', 'beta', 'starter', 'custom']);
  });

  it('orders the annual plans the same way, and the add-ons too', () => {
    const plans = [
      price({ id: 'team_y', productName: 'Team', unitAmount: 12000, interval: 'year' }),
      price({ id: 'starter_y', productName: 'Starter', unitAmount: 15000, interval: 'year' }),
      price({ id: 'storage', productName: 'Storage', kind: 'addon', unitAmount: 900, interval: 'year' }),
      price({ id: 'backup', productName: 'Backup', kind: 'addon', unitAmount: 500, interval: 'year' }),
    ];
    const groups = groupCatalog(plans, 'year');
    expect(groups.plans.map((p) => p.id)).toEqual(['team_y', 'starter_y']);
    expect(groups.addons.map((p) => p.id)).toEqual(['backup', 'storage']);
  });
});

describe('parsePlanInterval', () => {
  it('accepts only year as the alternative to month', () => {
    expect(parsePlanInterval('year')).toBe('year');
    expect(parsePlanInterval('decade')).toBe('month');
    expect(parsePlanInterval(['year'])).toBe('month');
    expect(parsePlanInterval(undefined)).toBe('month');
  });
});

describe('firstInvoiceAmount', () => {
  it('multiplies per-unit prices and bills metered usage later', () => {
    expect(firstInvoiceAmount({ unitAmount: 1200, metered: false }, 5)).toBe(6000);
    expect(firstInvoiceAmount({ unitAmount: 20, metered: true }, 1)).toBe(0);
  });
});
