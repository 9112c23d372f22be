import { describe, expect, it } from 'vitest';
import type { CatalogPrice } from '@/db/queries/catalog';
import { checkQuoteLines, expiryOf } from './quote-lines';

function price(id: string, overrides: Partial<CatalogPrice> = {}): CatalogPrice {
  return {
    id,
    productId: `prod_${id}`,
    productName: id,
    productDescription: null,
    kind: 'plan',
    isFree: false,
    perUnit: null,
    unitLabel: null,
    currency: 'jpy',
    unitAmount: 1200,
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
  price('price_team'),
  price('price_backup'),
  price('price_annual', { interval: 'year' }),
  price('price_course', { type: 'one_time', interval: null, intervalCount: null }),
  price('price_usage', { metered: true, unitAmount: null }),
  price('price_trial', { trialPeriodDays: 14 }),
];

describe('checkQuoteLines', () => {
  it('accepts recurring and one-off catalogue lines in the currency', () => {
    const result = checkQuoteLines([{ priceId: 'price_team', quantity: 5 }, { priceId: 'price_course', quantity: 1 }], catalog);
    expect(result).toMatchObject({ ok: true, trialPeriodDays: null });
    expect(result.ok && result.lines.map((l) => [l.price.id, l.quantity])).toEqual([['price_team', 5], ['price_course', 1]]);
  });

  it('refuses a quantity of 0', () => {
    expect(checkQuoteLines([{ priceId: 'price_team', quantity: 0 }], catalog)).toEqual({ ok: false, refusal: 'quantity' });
  });

  it('refuses a price the catalogue has no amount for in the currency', () => {
    expect(checkQuoteLines([{ priceId: 'price_eur_only', quantity: 1 }], catalog)).toEqual({ ok: false, refusal: 'priceNotInCurrency' });
  });

  it('refuses metered usage, a repeated price and two billing intervals', () => {
    expect(checkQuoteLines([{ priceId: 'price_usage', quantity: 1 }], catalog)).toEqual({ ok: false, refusal: 'metered' });
    expect(checkQuoteLines([{ priceId: 'price_team', quantity: 1 }, { priceId: 'price_team', quantity: 2 }], catalog)).toEqual({ ok: false, refusal: 'duplicateLine' });
    expect(checkQuoteLines([{ priceId: 'price_team', quantity: 1 }, { priceId: 'price_annual', quantity: 1 }], catalog)).toEqual({ ok: false, refusal: 'mixedIntervals' });
    expect(checkQuoteLines([], catalog)).toEqual({ ok: false, refusal: 'noLines' });
  });

  it("offers the plan's own trial", () => {
    expect(checkQuoteLines([{ priceId: 'price_trial', quantity: 1 }, { priceId: 'price_backup', quantity: 2 }], catalog)).toMatchObject({ ok: true, trialPeriodDays: 14 });
  });
});

describe('expiryOf', () => {
  it('is the end of the day in Japan time', () => {
    expect(new Date(expiryOf('2026-12-31') * 1000).toISOString()).toBe('2026-12-31T14:59:59.000Z');
  });
});
