// GET /admin/settings/branding — what appears on documents and emails (admins edit; support staff read).
import { getTranslations } from '@/lib/i18n/server';
import { BRANDING_ERROR_CODES, type BrandingErrorMessages } from '@/components/admin/branding/branding-form-errors';
import { BrandingSettingsForm } from '@/components/admin/branding/branding-settings-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireOperator } from '@/lib/auth/session';
import { getBrandingLogo } from '@/lib/branding/logo';
import { getBrandingSettings } from '@/lib/branding/settings';
import { operatorCan } from '@/lib/permissions';
import { operatorTitleMetadata } from '@/lib/admin/title-metadata';

export const generateMetadata = operatorTitleMetadata('branding');

const labelKeys = [
  'company', 'companyName', 'companyAddress', 'companyAddressHelp', 'logo', 'logoHelp', 'currentLogo', 'noLogo', 'removeLogo', 'brandColor',
  'supportPhone', 'showSupportPhone', 'qualifiedInvoice', 'registrationNumber', 'registrationNumberHelp', 'footers', 'invoiceFooter',
  'invoiceFooterHelp', 'bankTransferFooter', 'bankTransferFooterHelp', 'bankDetails', 'bankDetailsHelp', 'save', 'saved',
] as const;

export default async function BrandingSettingsPage() {
  const { role } = await requireOperator();
  const [settings, logo, t] = await Promise.all([getBrandingSettings(), getBrandingLogo(), getTranslations('branding')]);
  const logoDataUrl = logo ? `data:${logo.contentType};base64,${logo.data.toString('base64')}` : null;
  const canEdit = operatorCan(role, 'admin:settings:manage');
  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      {canEdit ? (
        <BrandingSettingsForm
          values={settings}
          logoDataUrl={logoDataUrl}
          labels={Object.fromEntries(labelKeys.map((k) => [k, t(k)])) as Record<(typeof labelKeys)[number], string>}
          errors={
            {
              ...Object.fromEntries([...BRANDING_ERROR_CODES, 'invalid'].map((k) => [k, t(`errors.${k as (typeof BRANDING_ERROR_CODES)[number]}`)])),
              // Filled in the browser with the refused field's label.
              check_field: t.raw('errors.check_field') as string,
            } as BrandingErrorMessages
          }
        />
      ) : (
        <section className="card space-y-3 text-sm" data-testid="branding-settings-read-only">
          <p className="text-slate-600">{t('readOnly')}</p>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
            <dt className="font-medium">{t('companyName')}</dt>
            <dd>{settings.companyName}</dd>
            <dt className="font-medium">{t('companyAddress')}</dt>
            <dd className="whitespace-pre-line">{settings.companyAddress || '—'}</dd>
            <dt className="font-medium">{t('registrationNumber')}</dt>
            <dd className="font-mono">{settings.registrationNumber || '—'}</dd>
            <dt className="font-medium">{t('supportPhone')}</dt>
            <dd>{settings.supportPhone || '—'}</dd>
            <dt className="font-medium">{t('invoiceFooter')}</dt>
            <dd className="whitespace-pre-line">{settings.invoiceFooter || '—'}</dd>
            <dt className="font-medium">{t('bankTransferFooter')}</dt>
            <dd className="whitespace-pre-line">{settings.bankTransferFooter || settings.bankDetails || '—'}</dd>
          </dl>
        </section>
      )}
    </>
  );
}
