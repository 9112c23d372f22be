import { describe, expect, it } from 'vitest';
import type { PlanItem } from '@/db/queries/subscriptions';
import { describePlanPrice, isFreePlan } from './plan-price';

const t = (key: string, values?: Record<string, string | number>) => (values ? `${key}(${Object.values(values).join('|')})` : key);
const tInterval = (key: string, values?: Record<string, string | number>) => `${key}×${values?.count}`;
const item = (overrides: Partial<PlanItem>): PlanItem => ({
  id: 'si_1',
  priceId: 'price_team',
  productName: 'Team',
  priceNickname: null,
  priceLookupKey: null,
  unitAmount: 1500,
  interval: 'month',
  intervalCount: 1,
  usageType: 'licensed',
  quantity: 1,
  productKind: 'plan',
  ...overrides,
});

describe('describePlanPrice', () => {
  it('formats the amount in the subscription currency per interval', () => {
    expect(describePlanPrice(item({}), 'jpy', 'en', t, tInterval)).toBe('perInterval(¥1,500|month×1)');
    expect(describePlanPrice(item({ unitAmount: 12000, interval: 'year' }), 'usd', 'en', t, tInterval)).toBe('perInterval($120.00|year×1)');
  });

  it('says free for zero and usage-based when there is no unit amount', () => {
    expect(describePlanPrice(item({ unitAmount: 0 }), 'jpy', 'en', t, tInterval)).toBe('free');
    expect(describePlanPrice(item({ unitAmount: null }), 'jpy', 'en', t, tInterval)).toBe('customPrice');
  });
});

describe('isFreePlan', () => {
  it('is true only when every item costs nothing', () => {
    expect(isFreePlan([item({ unitAmount: 0 })])).toBe(true);
    expect(isFreePlan([item({ unitAmount: 0 }), item({ unitAmount: 100 })])).toBe(false);
    expect(isFreePlan([item({ unitAmount: 0 }), item({ unitAmount: null })])).toBe(false);
    expect(isFreePlan([])).toBe(false);
  });
});
