// A list across customers shows dates in the operator's language's zone (UTC for English, Japan time for Japanese),
// while each customer's own pages use the customer's zone: this line says which one the list uses.
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { timeZoneLabel } from '@/lib/i18n/time-zones';

export async function TimesInZone({ timeZone }: { timeZone: string }) {
  const [t, locale] = await Promise.all([getTranslations('admin'), getLocale()]);
  return (
    <span className="mt-1 block text-xs text-slate-500" data-testid="times-in-zone">
      {t('timesInZone', { timeZone: timeZoneLabel(timeZone, locale) })}
    </span>
  );
}
