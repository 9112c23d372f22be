// GET /admin/invoices — every organization's invoices from the mirror: filters (status, collection method, customer,
// currency, overdue, dates), counts per status, pages, and a CSV export of exactly what the filters show.
import Link from 'next/link';
import { getLocale, getTimeZone } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { InvoiceStatusBadge } from '@/components/status-badge';
import { EmptyState } from '@/components/ui/empty-state';
import { TimesInZone } from '@/components/admin/times-in-zone';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { invoiceStatuses, listInvoicePageWithStatusCountsForOperator } from '@/db/queries/invoices';
import { requireOperator } from '@/lib/auth/session';
import { invoiceFilterQuery, parseInvoiceListFilters, toInvoiceListQuery, type InvoiceFilterProblem } from '@/lib/billing/operator-invoices/invoice-list-filters';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { operatorTitleMetadata } from '@/lib/admin/title-metadata';

export const generateMetadata = operatorTitleMetadata('adminInvoices');

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminInvoicesPage({ searchParams }: { searchParams: SearchParams }) {
  await requireOperator();
  const { filters, problems } = parseInvoiceListFilters(await searchParams);
  const query = toInvoiceListQuery(filters);
  const ok = problems.length === 0;
  const [listed, t, tc, locale, timeZone] = await Promise.all([
    // Filters that could not be read are reported, never dropped: listing everything instead would mislead.
    ok ? listInvoicePageWithStatusCountsForOperator({ ...query, page: filters.page }) : null,
    getTranslations('adminInvoices'),
    getTranslations('common'),
    getLocale(),
    getTimeZone(),
  ]);
  const result = listed?.page ?? null;
  const counts = listed?.counts ?? null;
  const href = (overrides: Parameters<typeof invoiceFilterQuery>[1] = {}) => {
    const s = invoiceFilterQuery(filters, overrides);
    return `/admin/invoices${s ? `?${s}` : ''}`;
  };
  const exportQuery = invoiceFilterQuery(filters, { page: null });
  const problemText = (problem: InvoiceFilterProblem) =>
    problem.kind === 'tooLong' ? t('searchTooLong', { max: problem.max }) : problem.kind === 'range' ? t('invalidFilter.range') : t(`invalidFilter.${problem.field}`, { value: problem.value });

  return (
    <>
      <PageHeader
        title={t('title')}
        description={
          <>
            {t('lead')}
            <TimesInZone timeZone={timeZone} />
          </>
        }
        actions={
          <span className="flex gap-2">
            <Link href="/admin/invoices/review" className="btn-secondary">
              {t('reviewQueue')}
            </Link>
            {ok ? (
              <a href={`/admin/invoices/export${exportQuery ? `?${exportQuery}` : ''}`} className="btn-secondary" download data-testid="invoice-export">
                {t('exportCsv')}
              </a>
            ) : null}
          </span>
        }
      />

      <form role="search" method="get" action="/admin/invoices" className="card mb-6 flex flex-wrap items-end gap-3">
        <div className="w-full sm:w-64">
          <label htmlFor="q" className="label">
            {t('searchLabel')}
          </label>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ''} placeholder={t('searchPlaceholder')} className="input" />
        </div>
        <div className="w-full sm:w-40">
          <label htmlFor="status" className="label">
            {t('statusLabel')}
          </label>
          <select id="status" name="status" defaultValue={filters.status ?? ''} className="input">
            <option value="">{tc('all')}</option>
            {invoiceStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="w-full sm:w-48">
          <label htmlFor="method" className="label">
            {t('methodLabel')}
          </label>
          <select id="method" name="method" defaultValue={filters.method ?? ''} className="input">
            <option value="">{tc('all')}</option>
            <option value="charge_automatically">{t('method.charge_automatically')}</option>
            <option value="send_invoice">{t('method.send_invoice')}</option>
          </select>
        </div>
        <div className="w-full sm:w-28">
          <label htmlFor="currency" className="label">
            {t('currencyLabel')}
          </label>
          <select id="currency" name="currency" defaultValue={filters.currency ?? ''} className="input">
            <option value="">{tc('all')}</option>
            <option value="jpy">JPY</option>
            <option value="usd">USD</option>
          </select>
        </div>
        <div className="w-[calc(50%-0.375rem)] sm:w-40">
          <label htmlFor="from" className="label">
            {t('createdFrom')}
          </label>
          <input id="from" name="from" type="date" defaultValue={filters.from ?? ''} className="input" />
        </div>
        <div className="w-[calc(50%-0.375rem)] sm:w-40">
          <label htmlFor="to" className="label">
            {t('createdTo')}
          </label>
          <input id="to" name="to" type="date" defaultValue={filters.to ?? ''} className="input" />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue ?? false} />
          {t('overdueOnly')}
        </label>
        <div className="flex gap-2">
          <button type="submit" className="btn-primary">
            {t('filter')}
          </button>
          <Link href="/admin/invoices" className="btn-secondary">
            {t('reset')}
          </Link>
        </div>
      </form>

      {!ok ? (
        <div className="alert-error mb-6" role="alert" data-testid="filter-problems">
          <p className="font-medium">{t('invalidFilters')}</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((problem) => (
              <li key={`${problem.field}-${problem.kind}`}>{problemText(problem)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {counts ? (
        <nav aria-label={t('statusCounts')} className="mb-4 flex flex-wrap gap-2 text-sm" data-testid="invoice-status-counts">
          <Link href={href({ status: null, page: null })} className={filters.status ? 'btn-secondary' : 'btn-primary'}>
            {tc('all')} ({Object.values(counts).reduce((a, b) => a + b, 0)})
          </Link>
          {invoiceStatuses.map((status) => (
            <Link key={status} href={href({ status, page: null })} className={filters.status === status ? 'btn-primary' : 'btn-secondary'} data-status={status}>
              {t(`status.${status}`)} ({counts[status]})
            </Link>
          ))}
        </nav>
      ) : null}

      {result ? (
        <section className="card" aria-labelledby="invoices-count">
          <p id="invoices-count" className="mb-3 text-sm text-slate-600" aria-live="polite">
            {t('resultCount', { count: result.total })}
          </p>
          {result.rows.length === 0 ? (
            <EmptyState title={t('none')} />
          ) : (
            <div className="table-wrap" tabIndex={0} role="region" aria-label={t('title')}>
              <table className="table" data-testid="invoices-table">
                <thead>
                  <tr>
                    <th scope="col">{t('colNumber')}</th>
                    <th scope="col">{t('colCustomer')}</th>
                    <th scope="col">{t('colStatus')}</th>
                    <th scope="col" className="num">
                      {t('colTotal')}
                    </th>
                    <th scope="col" className="num hidden md:table-cell">
                      {t('colRemaining')}
                    </th>
                    <th scope="col" className="hidden sm:table-cell">
                      {t('colCreated')}
                    </th>
                    <th scope="col" className="hidden lg:table-cell">
                      {t('colDue')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.rows.map((row) => (
                    <tr key={row.id}>
                      <td className="font-mono text-xs">
                        <Link href={`/admin/invoices/${row.id}`}>{row.number ?? row.id}</Link>
                      </td>
                      <td className="whitespace-normal">
                        {row.organizationId ? <Link href={`/admin/customers/${row.organizationId}`}>{row.organizationName ?? row.customerId}</Link> : row.customerId}
                      </td>
                      <td>
                        <span className="flex flex-wrap gap-1">
                          <InvoiceStatusBadge status={row.status} />
                          {row.collectionMethod === 'send_invoice' ? <span className="badge-gray">{t('method.send_invoice')}</span> : null}
                        </span>
                      </td>
                      <td className="num">{formatMoney(row.total, row.currency, locale)}</td>
                      <td className="num hidden md:table-cell">{formatMoney(row.amountRemaining, row.currency, locale)}</td>
                      <td className="hidden sm:table-cell">{formatDate(row.stripeCreated, locale, timeZone)}</td>
                      <td className="hidden lg:table-cell">{row.dueDate ? formatDate(row.dueDate, locale, timeZone) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager page={result.page} pages={result.pages} hrefFor={(page) => href({ page: String(page) })} label={t('pageOf', { page: result.page, pages: result.pages })} />
        </section>
      ) : null}
    </>
  );
}
