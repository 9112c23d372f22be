// GET / — what Seikyu is, and the way in.
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { getCurrentUser } from '@/lib/auth/session';

export default async function LandingPage() {
  const [t, user] = await Promise.all([getTranslations('landing'), getCurrentUser()]);
  const features = [
    { title: t('featurePortalTitle'), body: t('featurePortalBody') },
    { title: t('featureAdminTitle'), body: t('featureAdminBody') },
    { title: t('featureSelfHostedTitle'), body: t('featureSelfHostedBody') },
  ];
  return (
    <div className="mx-auto max-w-content px-4 py-12 sm:px-6 sm:py-20">
      <section className="max-w-2xl">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t('title')}</h1>
        <p className="mt-4 text-lg text-slate-600">{t('lead')}</p>
        <div className="mt-8">
          <Link href={user ? '/app' : '/sign-in'} className="btn-primary px-5 py-2.5 text-base">
            {user ? t('goToPortal') : t('getStarted')}
          </Link>
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
    </div>
  );
}
