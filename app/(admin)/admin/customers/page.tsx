// GET /admin/customers — every organization from the mirror: search, filter by status and currency, pages.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { SubscriptionStatusBadge } from '@/components/status-badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { customerStatusFilters, listCustomers } from '@/db/queries/admin';
import { requireOperator } from '@/lib/auth/session';
import { formatDate } from '@/lib/i18n/format';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('customersTitle') };
}

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const searchParamsSchema = z.object({
  q: z.preprocess(first, z.string().trim().max(200).optional().catch(undefined)),
  status: z.preprocess(first, z.enum(customerStatusFilters).optional().catch(undefined)),
  currency: z.preprocess(first, z.enum(['jpy', 'usd']).optional().catch(undefined)),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(10_000).optional().catch(undefined)),
  from: z.preprocess(first, z.iso.date().optional().catch(undefined)),
  to: z.preprocess(first, z.iso.date().optional().catch(undefined)),
});

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminCustomersPage({ searchParams }: { searchParams: SearchParams }) {
  await requireOperator();
  const filters = searchParamsSchema.parse(await searchParams);
  const [result, t, tc, tStatus, locale, timeZone] = await Promise.all([
    listCustomers({
      search: filters.q,
      status: filters.status,
      currency: filters.currency,
      createdFrom: filters.from ? new Date(`${filters.from}T00:00:00Z`) : undefined,
      createdTo: filters.to ? new Date(`${filters.to}T00:00:00Z`) : undefined,
      page: filters.page,
    }),
    getTranslations('admin'),
    getTranslations('common'),
    getTranslations('subscriptionStatus'),
    getLocale(),
    getTimeZone(),
  ]);

  const pageHref = (page: number) => {
    const query = new URLSearchParams();
    if (filters.q) query.set('q', filters.q);
    if (filters.status) query.set('status', filters.status);
    if (filters.currency) query.set('currency', filters.currency);
    if (filters.from) query.set('from', filters.from);
    if (filters.to) query.set('to', filters.to);
    if (page > 1) query.set('page', String(page));
    const s = query.toString();
    return `/admin/customers${s ? `?${s}` : ''}`;
  };

  return (
    <>
      <PageHeader title={t('customersTitle')} description={t('customersLead')} />
      <form role="search" method="get" action="/admin/customers" className="card mb-6 flex flex-wrap items-end gap-3">
        <div className="w-full">
          <label htmlFor="q" className="label">
            {t('searchLabel')}
          </label>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ''} placeholder={t('searchPlaceholder')} className="input" />
        </div>
        <div className="w-full sm:w-44">
          <label htmlFor="status" className="label">
            {t('statusLabel')}
          </label>
          <select id="status" name="status" defaultValue={filters.status ?? ''} className="input">
            <option value="">{tc('all')}</option>
            {customerStatusFilters.map((status) => (
              <option key={status} value={status}>
                {tStatus(status)}
              </option>
            ))}
          </select>
        </div>
        <div className="w-full sm:w-32">
          <label htmlFor="currency" className="label">
            {t('currencyLabel')}
          </label>
          <select id="currency" name="currency" defaultValue={filters.currency ?? ''} className="input">
            <option value="">{tc('all')}</option>
            <option value="jpy">JPY</option>
            <option value="usd">USD</option>
          </select>
        </div>
        <div className="w-[calc(50%-0.375rem)] sm:w-44">
          <label htmlFor="from" className="label">
            {t('createdFrom')}
          </label>
          <input id="from" name="from" type="date" defaultValue={filters.from ?? ''} className="input" />
        </div>
        <div className="w-[calc(50%-0.375rem)] sm:w-44">
          <label htmlFor="to" className="label">
            {t('createdTo')}
          </label>
          <input id="to" name="to" type="date" defaultValue={filters.to ?? ''} className="input" />
        </div>
        <div className="flex gap-2">
          <button type="submit" className="btn-primary">
            {t('filter')}
          </button>
          <Link href="/admin/customers" className="btn-secondary">
            {t('reset')}
          </Link>
        </div>
      </form>

      <section className="card" aria-labelledby="customers-count">
        <p id="customers-count" className="mb-3 text-sm text-slate-600" aria-live="polite">
          {t('resultCount', { count: result.total })}
        </p>
        {result.rows.length === 0 ? (
          <EmptyState title={t('noCustomers')} />
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="customers-table">
              <thead>
                <tr>
                  <th scope="col">{t('colOrganization')}</th>
                  <th scope="col">{t('colEmail')}</th>
                  <th scope="col">{t('colPlan')}</th>
                  <th scope="col">{t('colStatus')}</th>
                  <th scope="col">{t('colCurrency')}</th>
                  <th scope="col">{t('colCreated')}</th>
                </tr>
              </thead>
              <tbody>
                {result.rows.map((row) => (
                  <tr key={row.organizationId}>
                    <td>
                      <Link href={`/admin/customers/${row.organizationId}`} className="font-medium">
                        {row.name}
                      </Link>
                    </td>
                    <td className="max-w-[14rem] truncate text-slate-600" title={row.email ?? undefined}>
                      {row.email ?? '—'}
                    </td>
                    <td>{row.planName ?? '—'}</td>
                    <td>
                      <SubscriptionStatusBadge status={row.status} />
                    </td>
                    <td className="uppercase">{row.currency ?? '—'}</td>
                    <td>{formatDate(row.createdAt, locale, timeZone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {result.pages > 1 ? (
          <nav aria-label={t('pageOf', { page: result.page, pages: result.pages })} className="mt-4 flex items-center justify-between text-sm">
            {result.page > 1 ? (
              <Link href={pageHref(result.page - 1)} className="btn-secondary" rel="prev">
                ← {tc('previous')}
              </Link>
            ) : (
              <span />
            )}
            <span className="text-slate-600">{t('pageOf', { page: result.page, pages: result.pages })}</span>
            {result.page < result.pages ? (
              <Link href={pageHref(result.page + 1)} className="btn-secondary" rel="next">
                {tc('next')} →
              </Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </section>
    </>
  );
}
