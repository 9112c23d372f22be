// GET /onboarding — a signed-in person without an organization creates one (free tier, no card).
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { CreateOrganizationForm } from '@/components/auth/create-organization-form';
import { listOrganizationsForUser } from '@/db/queries/organizations';
import { requireUser } from '@/lib/auth/session';
import { defaultCurrencyFor, isLocale } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('onboarding');
  return { title: t('title') };
}

export default async function OnboardingPage() {
  const user = await requireUser({ callbackUrl: '/onboarding' });
  const [first] = await listOrganizationsForUser({ userId: user.id });
  if (first) redirect(`/orgs/${first.id}`);

  const [t, locale] = await Promise.all([getTranslations('onboarding'), getLocale()]);
  return (
    <div className="card">
      <h1>{t('title')}</h1>
      <p className="mt-2 text-sm text-slate-600">{t('lead')}</p>
      <div className="mt-6">
        <CreateOrganizationForm
          defaultCurrency={defaultCurrencyFor(isLocale(locale) ? locale : 'en')}
          labels={{
            name: t('nameLabel'),
            namePlaceholder: t('namePlaceholder'),
            nameRequired: t('nameRequired'),
            currency: t('currencyLabel'),
            currencyHelp: t('currencyHelp'),
            jpy: t('currencyJpy'),
            usd: t('currencyUsd'),
            submit: t('submit'),
            submitting: t('submitting'),
          }}
        />
      </div>
    </div>
  );
}
