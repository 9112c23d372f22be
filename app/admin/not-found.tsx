// 404 inside the back-office (an unknown customer or invoice id): the admin layout and its navigation stay.
// A customer opening /admin never gets here: the layout's requireOperator 404s above this boundary.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';

// Next takes the 404's tab title from the deepest not-found on the path, this one, also for a customer refused
// above it: the title says what both see.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('errors');
  return { title: t('notFoundTitle') };
}

export default async function AdminNotFound() {
  const t = await getTranslations('admin');
  return (
    <div className="py-12 text-center" data-testid="admin-not-found">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2">{t('notFoundTitle')}</h1>
      <p className="mx-auto mt-2 max-w-md text-slate-600">{t('notFoundBody')}</p>
      <p className="mt-6">
        <Link href="/admin/customers" className="btn-primary">
          {t('backToCustomersLink')}
        </Link>
      </p>
    </div>
  );
}
