// How a catalogue price reads on the plan picker: "¥1,500 / month", "¥1,200 per seat / month", "¥20 per
// device-hour", "Free". Pure, given the translators.
import type { CatalogPrice } from '@/db/queries/catalog';
import { formatMoney } from '@/lib/i18n/format';

type Translate = (key: string, values?: Record<string, string | number>) => string;

export function describeCatalogPrice(price: CatalogPrice, locale: string, t: Translate, tInterval: Translate): string {
  if (price.isFree) return t('free');
  if (price.unitAmount === null) return t('customPrice');
  const amount = formatMoney(price.unitAmount, price.currency, locale);
  const unit = price.perUnit ? t(`unit.${price.perUnit}`) : price.metered && price.unitLabel ? price.unitLabel : null;
  const amountWithUnit = unit ? t('perUnit', { price: amount, unit }) : amount;
  if (!price.interval || price.metered) return amountWithUnit;
  return t('perInterval', { price: amountWithUnit, interval: tInterval(price.interval, { count: price.intervalCount ?? 1 }) });
}
