import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';
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
  unitLabel: null,
  ...overrides,
});

describe('describePlanPrice', () => {
  it('formats the amount in the subscription currency per interval', () => {
    expect(describePlanPrice(item({}), 'jpy', 'en', t, tInterval)).toBe('perInterval(¥1,500|month×1)');
    expect(describePlanPrice(item({ unitAmount: 12000, interval: 'year' }), 'usd', 'en', t, tInterval)).toBe('perInterval($120.00|year×1)');
  });

  it('says a metered price per its unit, not per its billing interval', () => {
    const onDemand = item({ productName: 'On-demand 10 devices', unitAmount: 15, usageType: 'metered', unitLabel: 'device-hour', productKind: 'usage' });
    expect(describePlanPrice(onDemand, 'usd', 'en', t, tInterval)).toBe('perUsageUnit($0.15|device-hour)');
    expect(describePlanPrice({ ...onDemand, unitLabel: null }, 'usd', 'en', t, tInterval)).toBe('perUsage($0.15)');
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

describe('describePlanPrice with the messages', () => {
  const label = (locale: 'en' | 'ja', plan: PlanItem, currency: string) => {
    const messages = locale === 'en' ? en : ja;
    const tOverview = createTranslator({ locale, messages, namespace: 'overview' });
    const tInterval = createTranslator({ locale, messages, namespace: 'interval' });
    return describePlanPrice(plan, currency, locale, tOverview as never, tInterval as never);
  };

  it('reads "$0.15 per device-hour" and 「1デバイス時間あたり $0.15」, not a monthly fee', () => {
    const onDemand = item({ unitAmount: 15, usageType: 'metered', productKind: 'usage' });
    expect(label('en', { ...onDemand, unitLabel: 'device-hour' }, 'usd')).toBe('$0.15 per device-hour');
    expect(label('ja', { ...onDemand, unitLabel: 'デバイス時間' }, 'usd')).toBe('1デバイス時間あたり $0.15');
    expect(label('ja', { ...onDemand, unitAmount: 20, unitLabel: 'デバイス時間' }, 'jpy')).toBe('1デバイス時間あたり ￥20');
    expect(label('en', item({}), 'jpy')).toBe('¥1,500 / month');
  });
});
