// The billing-details section where a customer turns reminder emails on or off (payment and invoice emails
// always go to the billing email above).
import { getTranslations } from '@/lib/i18n/server';
import { getRemindersEnabled } from '@/db/queries/notifications';
import { EmailRemindersForm } from './email-reminders-form';

export async function EmailRemindersSection(props: { organizationId: string; mayEdit: boolean }) {
  const [enabled, t] = await Promise.all([getRemindersEnabled({ organizationId: props.organizationId }), getTranslations('notifications.preference')]);
  return (
    <section className="card mt-6" aria-labelledby="email-reminders">
      <h2 id="email-reminders">{t('title')}</h2>
      <p className="mb-3 mt-1 text-sm text-slate-600">{t('help')}</p>
      <EmailRemindersForm
        organizationId={props.organizationId}
        enabled={enabled}
        readOnly={!props.mayEdit}
        labels={{ enabled: t('enabled'), save: t('save'), saved: t('saved') }}
      />
    </section>
  );
}
