// GET /admin/settings/notifications — which moments send email, day counts, operator recipients and the
// sender's branding (admins edit; support staff read), with a preview of every template in both languages.
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import type { NotificationSettingsErrorMessages } from '@/components/admin/notifications/notification-settings-errors';
import { NotificationSettingsForm } from '@/components/admin/notifications/notification-settings-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireOperator } from '@/lib/auth/session';
import { locales } from '@/lib/i18n/config';
import { NOTIFICATION_KINDS } from '@/lib/notifications/kinds';
import { operatorRecipients } from '@/lib/notifications/invoice-moments';
import { getBrandingSettings, getNotificationSettings } from '@/lib/notifications/settings';
import { operatorCan } from '@/lib/permissions';
import { operatorTitleMetadata } from '@/lib/admin/title-metadata';

export const generateMetadata = operatorTitleMetadata('notifications.settings');

export default async function NotificationSettingsPage() {
  const { role } = await requireOperator();
  const [settings, branding, recipients, t, tKind, tErrors, locale] = await Promise.all([
    getNotificationSettings(),
    getBrandingSettings(),
    operatorRecipients(),
    getTranslations('notifications.settings'),
    getTranslations('notifications.kinds'),
    getTranslations('notifications.errors'),
    getLocale(),
  ]);
  const labelKeys = [
    'moments',
    'trialEndingDays',
    'renewalDays',
    'operatorRecipients',
    'operatorRecipientsHelp',
    'branding',
    'companyName',
    'brandColor',
    'bankDetails',
    'bankDetailsHelp',
    'save',
    'saved',
  ] as const;
  const labels = Object.fromEntries(labelKeys.map((k) => [k, t(k)])) as Record<(typeof labelKeys)[number], string>;
  const errors: NotificationSettingsErrorMessages = {
    invalid: tErrors('invalid'),
    recipients_too_many: tErrors('recipients_too_many'),
    days: tErrors('days'),
    company_name_required: tErrors('company_name_required'),
    company_name_too_long: tErrors('company_name_too_long'),
    // Filled in the browser with the refused addresses or field.
    recipient: tErrors.raw('recipient') as string,
    check_field: tErrors.raw('check_field') as string,
  };

  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      {operatorCan(role, 'admin:notifications:manage') ? (
        <NotificationSettingsForm
          kinds={NOTIFICATION_KINDS.map((kind) => ({ kind, label: tKind(kind), enabled: settings.enabled[kind] }))}
          values={{ ...settings, operatorRecipients: recipients, ...branding }}
          labels={labels}
          errors={errors}
          locale={locale}
        />
      ) : null}
      <section className="card mt-6" aria-labelledby="previews">
        <h2 id="previews" className="mb-3">
          {t('previews')}
        </h2>
        <ul className="space-y-2 text-sm">
          {NOTIFICATION_KINDS.map((kind) => (
            <li key={kind} className="flex flex-wrap gap-3">
              <span className="w-64">{tKind(kind)}</span>
              {locales.map((locale) => (
                <a key={locale} href={`/admin/notifications/preview?kind=${kind}&locale=${locale}`} target="_blank" rel="noreferrer">
                  {t('previewIn', { locale: locale.toUpperCase() })}
                </a>
              ))}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
