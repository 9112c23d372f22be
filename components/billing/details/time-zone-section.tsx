// The billing-details section showing the organization's time zone, which owners and billing managers change.
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { currentTimeZoneId, selectableTimeZoneOptions } from '@/lib/i18n/time-zones';
import { TimeZoneForm } from './time-zone-form';

export async function TimeZoneSection(props: { organizationId: string; timeZone: string; mayEdit: boolean }) {
  const [t, locale] = await Promise.all([getTranslations('organizationTimeZone'), getLocale()]);
  return (
    <section className="card mt-6" aria-labelledby="time-zone-title">
      <h2 id="time-zone-title">{t('title')}</h2>
      <p className="mb-3 mt-1 text-sm text-slate-600">{t('help')}</p>
      <TimeZoneForm
        organizationId={props.organizationId}
        timeZone={currentTimeZoneId(props.timeZone)}
        zones={selectableTimeZoneOptions(locale)}
        readOnly={!props.mayEdit}
        labels={{ timeZone: t('label'), save: t('save'), saved: t('saved') }}
      />
    </section>
  );
}
