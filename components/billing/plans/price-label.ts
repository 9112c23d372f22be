// How a catalogue price reads on the plan picker: "¥1,500 / month", "¥1,200 per seat / month", "¥20 per
// device-hour" (a metered price is per its unit: the month is when it is billed, in arrears), "Free". Pure, given
// the translators.
import type { CatalogPrice } from '@/db/queries/catalog';
import { formatMoney } from '@/lib/i18n/format';

type Translate = (key: string, values?: Record<string, string | number>) => string;

export function describeCatalogPrice(price: CatalogPrice, locale: string, t: Translate, tInterval: Translate): string {
  if (price.isFree) return t('free');
  if (price.unitAmount === null) return t('customPrice');
  const amount = formatMoney(price.unitAmount, price.currency, locale);
  if (price.metered) {
    const unit = price.unitLabel ?? price.meterName;
    return unit ? t('perUsageUnit', { price: amount, unit }) : amount;
  }
  const amountWithUnit = price.perUnit ? t('perUnit', { price: amount, unit: t(`unit.${price.perUnit}`) }) : amount;
  if (!price.interval) return amountWithUnit;
  return t('perInterval', { price: amountWithUnit, interval: tInterval(price.interval, { count: price.intervalCount ?? 1 }) });
}
