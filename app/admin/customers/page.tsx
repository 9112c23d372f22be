// GET /admin/customers — every organization from the mirror: search, filter by status and currency, pages.
import Link from 'next/link';
import { getLocale, getTimeZone } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { SubscriptionStatusBadge } from '@/components/status-badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { customerStatusFilters, listCustomersForOperator, type CustomerListPage } from '@/db/queries/customers';
import { requireOperator } from '@/lib/auth/session';
import { parseCustomerListFilters, type CustomerFilterProblem } from '@/lib/customers/customer-list-filters';
import { formatDate } from '@/lib/i18n/format';
import { operatorTitleMetadata } from '@/lib/admin/title-metadata';

export const generateMetadata = operatorTitleMetadata('admin', 'customersTitle');

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminCustomersPage({ searchParams }: { searchParams: SearchParams }) {
  await requireOperator();
  const { filters, problems } = parseCustomerListFilters(await searchParams);
  const locale = await getLocale();
  const [result, t, tc, tStatus, timeZone] = await Promise.all([
    // Filters that could not be read are reported, never dropped: listing everyone instead would mislead.
    problems.length > 0
      ? Promise.resolve<CustomerListPage | null>(null)
      : listCustomersForOperator({
          search: filters.q,
          status: filters.status,
          currency: filters.currency,
          createdFrom: filters.from ? new Date(`${filters.from}T00:00:00Z`) : undefined,
          createdTo: filters.to ? new Date(`${filters.to}T00:00:00Z`) : undefined,
          page: filters.page,
          locale,
        }),
    getTranslations('admin'),
    getTranslations('common'),
    getTranslations('subscriptionStatus'),
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

  const problemText = (problem: CustomerFilterProblem) =>
    problem.kind === 'tooLong'
      ? t('searchTooLong', { max: problem.max })
      : problem.kind === 'range'
        ? t('invalidFilter.range')
        : t(`invalidFilter.${problem.field}`, { value: problem.value });

  return (
    <>
      <PageHeader title={t('customersTitle')} description={t('customersLead')} />
      <form role="search" method="get" action="/admin/customers" className="card mb-6 flex flex-wrap items-end gap-3">
        <div className="w-full">
          <label htmlFor="q" className="label">
            {t('searchLabel')}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={filters.q ?? ''}
            placeholder={t('searchPlaceholder')}
            className="input"
            aria-invalid={problems.some((p) => p.field === 'q') || undefined}
          />
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

      {problems.length > 0 ? (
        <div className="alert-error mb-6" role="alert" data-testid="filter-problems">
          <p className="font-medium">{t('invalidFilters')}</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((problem) => (
              <li key={`${problem.field}-${problem.kind}`}>{problemText(problem)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {result ? (
        <section className="card" aria-labelledby="customers-count">
          <p id="customers-count" className="mb-3 text-sm text-slate-600" aria-live="polite">
            {t('resultCount', { count: result.total })}
          </p>
          {result.requestedPage !== result.page ? (
            <p className="alert-info mb-3" role="status" data-testid="page-out-of-range">
              {t('pageOutOfRange', { requested: result.requestedPage, page: result.page, pages: result.pages })}
            </p>
          ) : null}
          {result.rows.length === 0 ? (
            <EmptyState title={t('noCustomers')} />
          ) : (
            <div className="table-wrap" tabIndex={0} role="region" aria-label={t('customersTitle')}>
              <table className="table" data-testid="customers-table">
                <thead>
                  <tr>
                    <th scope="col">{t('colOrganization')}</th>
                    <th scope="col" className="hidden md:table-cell">
                      {t('colEmail')}
                    </th>
                    <th scope="col">{t('colPlan')}</th>
                    <th scope="col">{t('colStatus')}</th>
                    <th scope="col" className="hidden sm:table-cell">
                      {t('colCurrency')}
                    </th>
                    <th scope="col" className="hidden lg:table-cell">
                      {t('colCreated')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.rows.map((row) => (
                    <tr key={row.organizationId}>
                      <td className="whitespace-normal">
                        <Link href={`/admin/customers/${row.organizationId}`} className="font-medium">
                          {row.name}
                        </Link>
                        {/* At phone width the email column is hidden: the email sits under the name instead. */}
                        <span className="block max-w-[12rem] truncate text-xs text-slate-500 md:hidden">{row.email ?? ''}</span>
                      </td>
                      <td className="hidden max-w-[14rem] truncate text-slate-600 md:table-cell" title={row.email ?? undefined}>
                        {row.email ?? '—'}
                      </td>
                      <td className="whitespace-normal" data-testid="customer-plan">
                        {row.planName ?? '—'}
                      </td>
                      <td data-testid="customer-status">
                        <SubscriptionStatusBadge status={row.status} />
                      </td>
                      <td className="hidden uppercase sm:table-cell">{row.currency ?? '—'}</td>
                      <td className="hidden lg:table-cell">{formatDate(row.createdAt, locale, timeZone)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager page={result.page} pages={result.pages} hrefFor={pageHref} label={t('pageOf', { page: result.page, pages: result.pages })} />
        </section>
      ) : null}
    </>
  );
}
