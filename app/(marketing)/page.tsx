// GET / — the company's billing portal, as its customers and payees reach it: whose portal this is (the branding
// settings' company name), what they can do here, and the way in. A deployment's root is not a page about Seikyu.
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { getCurrentUser } from '@/lib/auth/session';
import { getBrandingSettings } from '@/lib/branding/settings';

export default async function LandingPage() {
  const [t, user, branding] = await Promise.all([getTranslations('landing'), getCurrentUser(), getBrandingSettings()]);
  const features = [
    { title: t('featurePlansTitle'), body: t('featurePlansBody') },
    { title: t('featureInvoicesTitle'), body: t('featureInvoicesBody') },
    { title: t('featureUsageTitle'), body: t('featureUsageBody') },
  ];
  return (
    <div className="mx-auto max-w-content px-4 py-12 sm:px-6 sm:py-20">
      <section className="max-w-2xl">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t('title', { company: branding.companyName })}</h1>
        <p className="mt-4 text-lg text-slate-600">{t('lead', { company: branding.companyName })}</p>
        <div className="mt-8">
          <Link href={user ? '/app' : '/sign-in'} className="btn-primary px-5 py-2.5 text-base">
            {user ? t('goToPortal') : t('signIn')}
          </Link>
          {user ? null : <p className="mt-3 text-sm text-slate-600">{t('signInHint')}</p>}
        </div>
      </section>
      <section className="mt-14 grid gap-4 sm:grid-cols-3" aria-label={t('featuresLabel')}>
        {features.map((feature) => (
          <div key={feature.title} className="card">
            <h2 className="text-base">{feature.title}</h2>
            <p className="mt-2 text-sm text-slate-600">{feature.body}</p>
          </div>
        ))}
      </section>
      <p className="mt-14 text-xs text-slate-500">{t('poweredBy')}</p>
    </div>
  );
}
