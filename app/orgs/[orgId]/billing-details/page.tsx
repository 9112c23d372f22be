// GET /orgs/[orgId]/billing-details — company name, billing email, address, tax id and invoice language, as
// mirrored from the Stripe customer; the organization's time zone and reminder emails (ours). Owners and billing members edit; members see them read-only.
import { getTranslations } from '@/lib/i18n/server';
import { BillingDetailsForm, type BillingDetailsFormLabels } from '@/components/billing/details/billing-details-form';
import { TimeZoneSection } from '@/components/billing/details/time-zone-section';
import { EmailRemindersSection } from '@/components/notifications/email-reminders-section';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getBillingDetails } from '@/db/queries/billing-details';
import { requireMembership } from '@/lib/auth/session';
import { billingCountries, taxIdTypes } from '@/lib/billing/details/billing-details-schema';
import { can } from '@/lib/permissions';
import { titleMetadata } from '@/lib/billing/org-page';

export const generateMetadata = titleMetadata('billingDetails');

const fieldNames = ['companyName', 'billingEmail', 'line1', 'line2', 'city', 'state', 'postalCode', 'country', 'taxIdType', 'taxIdValue', 'invoiceLanguage'] as const;

export default async function BillingDetailsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const { organization } = await requireMembership(orgId);
  const [current, t] = await Promise.all([getBillingDetails({ organizationId: organization.id }), getTranslations('billingDetails')]);
  const mayEdit = can(organization.role, 'organization:update');

  if (!current) {
    return (
      <>
        <PageHeader title={t('title')} />
        <EmptyState title={t('notReadyTitle')}>{t('notReadyBody')}</EmptyState>
        <TimeZoneSection organizationId={organization.id} timeZone={organization.timeZone} mayEdit={mayEdit} />
      </>
    );
  }
  const { details } = current;
  const labels: BillingDetailsFormLabels = {
    ...(Object.fromEntries(fieldNames.map((field) => [field, t(`fields.${field}`)])) as Record<(typeof fieldNames)[number], string>),
    fieldErrors: Object.fromEntries(fieldNames.map((field) => [field, t(`fieldErrors.${field}`)])) as Record<(typeof fieldNames)[number], string>,
    countries: Object.fromEntries(billingCountries.map((code) => [code, t(`countries.${code}`)])),
    taxIdTypes: Object.fromEntries(taxIdTypes.map((type) => [type, t(`taxIdTypes.${type}`)])),
    noTaxId: t('noTaxId'),
    languages: { ja: t('languages.ja'), en: t('languages.en') },
    optional: t('optional'),
    save: t('save'),
    saving: t('saving'),
    saved: t('saved'),
    address: t('address'),
    taxId: t('taxId'),
  };

  return (
    <>
      <PageHeader title={t('title')} description={mayEdit ? t('description') : t('readOnly')} />
      <section className="card" aria-label={t('title')}>
        <BillingDetailsForm
          organizationId={organization.id}
          readOnly={!mayEdit}
          countries={billingCountries}
          taxIdTypes={taxIdTypes}
          labels={labels}
          initial={{
            companyName: details.companyName ?? organization.name,
            billingEmail: details.billingEmail ?? organization.billingEmail ?? '',
            line1: details.address.line1 ?? '',
            line2: details.address.line2 ?? '',
            city: details.address.city ?? '',
            state: details.address.state ?? '',
            postalCode: details.address.postalCode ?? '',
            country: details.address.country ?? (organization.currency === 'usd' ? 'US' : 'JP'),
            taxIdType: details.taxId?.type ?? '',
            taxIdValue: details.taxId?.value ?? '',
            invoiceLanguage: details.invoiceLanguage === 'en' ? 'en' : 'ja',
          }}
        />
      </section>
      <TimeZoneSection organizationId={organization.id} timeZone={organization.timeZone} mayEdit={mayEdit} />
      <EmailRemindersSection organizationId={organization.id} mayEdit={mayEdit} />
    </>
  );
}
