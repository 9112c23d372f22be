// How a plan item's price reads: "¥1,200 / month", "$120.00 / year", "$0.15 per device-hour" (a metered price is
// per its unit, never per month: the month is when it is billed), "Free", "Usage-based".
import type { PlanItem } from '@/db/queries/subscriptions';
import { formatMoney } from '@/lib/i18n/format';

type Translate = (key: string, values?: Record<string, string | number>) => string;

export function describePlanPrice(item: PlanItem, currency: string, locale: string, t: Translate, tInterval: Translate): string {
  if (item.unitAmount === null) return t('customPrice');
  if (item.unitAmount === 0) return t('free');
  const price = formatMoney(item.unitAmount, currency, locale);
  if (isMeteredItem(item)) return item.unitLabel ? t('perUsageUnit', { price, unit: item.unitLabel }) : t('perUsage', { price });
  if (!item.interval) return price;
  const interval = tInterval(item.interval, { count: item.intervalCount ?? 1 });
  return t('perInterval', { price, interval });
}

/** A usage price: billed in arrears for what was used, per its unit. */
export function isMeteredItem(item: Pick<PlanItem, 'usageType'>): boolean {
  return item.usageType === 'metered';
}

export function isFreePlan(items: PlanItem[]): boolean {
  return items.length > 0 && items.every((item) => item.unitAmount === 0);
}
