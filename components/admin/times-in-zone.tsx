// A list across customers shows dates in the operator's language's zone (UTC for English, Japan time for Japanese),
// while each customer's own pages use the customer's zone: this line says which one the list uses.
import { getTranslations } from '@/lib/i18n/server';

export async function TimesInZone({ timeZone }: { timeZone: string }) {
  const t = await getTranslations('admin');
  return (
    <span className="mt-1 block text-xs text-slate-500" data-testid="times-in-zone">
      {t('timesInZone', { timeZone })}
    </span>
  );
}
