import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';
import type { CatalogPrice } from '@/db/queries/catalog';
import { describeCatalogPrice } from './price-label';

function label(locale: 'en' | 'ja', price: CatalogPrice): string {
  const messages = locale === 'en' ? en : ja;
  const t = createTranslator({ locale, messages, namespace: 'plans' });
  const tInterval = createTranslator({ locale, messages, namespace: 'interval' });
  return describeCatalogPrice(price, locale, t as never, tInterval as never);
}

const base: CatalogPrice = {
  id: 'price_starter',
  productId: 'prod_starter',
  productName: 'Starter',
  productDescription: null,
  kind: 'plan',
  isFree: false,
  perUnit: null,
  unitLabel: null,
  currency: 'usd',
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
};

const onDemand = (unitLabel: string | null, meterName: string | null): CatalogPrice => ({
  ...base,
  kind: 'usage',
  productName: 'On-demand 10 devices',
  unitAmount: 15,
  metered: true,
  unitLabel,
  meterName,
  meterEventName: 'device_hours',
});

describe('describeCatalogPrice', () => {
  it('says a metered price per its unit, never per month, in both languages', () => {
    expect(label('en', onDemand('device-hour', 'Device hours'))).toBe('$0.15 per device-hour');
    expect(label('ja', onDemand('デバイス時間', 'デバイス稼働時間'))).toBe('1デバイス時間あたり $0.15');
  });

  it("falls back to the meter's name when the product has no unit label", () => {
    expect(label('en', onDemand(null, 'Device hours'))).toBe('$0.15 per Device hours');
    expect(label('en', onDemand(null, null))).toBe('$0.15');
  });

  it('keeps licensed prices per interval, per seat where they are', () => {
    expect(label('en', base)).toBe('$12.00 / month');
    expect(label('en', { ...base, perUnit: 'seat', interval: 'year' })).toBe('$12.00 per seat / year');
    expect(label('ja', { ...base, currency: 'jpy', unitAmount: 1200, perUnit: 'seat' })).toBe('1席あたり￥1,200 / 月');
  });
});
