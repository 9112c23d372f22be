// 404 for every route, including another organization's pages and /admin for customers.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SiteHeader } from '@/components/site-header';

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-content px-4 py-16 text-center sm:px-6">
        <p className="text-sm font-semibold text-brand-700">404</p>
        <h1 className="mt-2">{t('notFoundTitle')}</h1>
        <p className="mx-auto mt-2 max-w-md text-slate-600">{t('notFoundBody')}</p>
        <p className="mt-6">
          <Link href="/" className="btn-primary">
            {t('goHome')}
          </Link>
        </p>
      </main>
    </>
  );
}
