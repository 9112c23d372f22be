// GET /orgs/[orgId]/invoices — the organization's invoices from the mirror: number, date, period, amount, status.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { InvoiceStatusBadge } from '@/components/status-badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listInvoices } from '@/db/queries/invoices';
import { requireMembership } from '@/lib/auth/session';
import { formatDate, formatMoney } from '@/lib/i18n/format';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('invoices');
  return { title: t('title') };
}

export default async function InvoicesPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<{ page?: string | string[] }>;
}) {
  const [{ orgId }, query] = await Promise.all([params, searchParams]);
  const { organization } = await requireMembership(orgId);
  const requestedPage = Number(typeof query.page === 'string' ? query.page : '1');
  const [{ invoices, total, page, pageSize }, t, locale, timeZone] = await Promise.all([
    listInvoices({ organizationId: organization.id, page: Number.isFinite(requestedPage) ? requestedPage : 1 }),
    getTranslations('invoices'),
    getLocale(),
    getTimeZone(),
  ]);
  const date = (value: Date) => formatDate(value, locale, timeZone);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const base = `/orgs/${organization.id}/invoices`;

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <section className="card" aria-label={t('title')}>
        {invoices.length === 0 ? (
          <EmptyState title={t('emptyTitle')}>{t('emptyBody')}</EmptyState>
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t('title')}>
            <table className="table" data-testid="invoices-table">
              <thead>
                <tr>
                  <th scope="col">{t('number')}</th>
                  <th scope="col">{t('date')}</th>
                  <th scope="col">{t('period')}</th>
                  <th scope="col" className="num">
                    {t('amount')}
                  </th>
                  <th scope="col">{t('status')}</th>
                </tr>
              </thead>
              <tbody>
                {invoices.map((invoice) => (
                  <tr key={invoice.id}>
                    <td className="font-mono text-xs">
                      <Link href={`${base}/${invoice.id}`} aria-label={t('viewInvoice', { number: invoice.number ?? invoice.id })}>
                        {invoice.number ?? invoice.id}
                      </Link>
                    </td>
                    <td>{date(invoice.stripeCreated)}</td>
                    <td>
                      {invoice.periodStart && invoice.periodEnd && invoice.periodEnd > invoice.periodStart
                        ? `${date(invoice.periodStart)} – ${date(invoice.periodEnd)}`
                        : '—'}
                    </td>
                    <td className="num">{formatMoney(invoice.total, invoice.currency, locale)}</td>
                    <td>
                      <InvoiceStatusBadge status={invoice.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pages > 1 ? (
          <nav className="mt-4 flex items-center justify-between text-sm" aria-label={t('pagination')}>
            {page > 1 ? <Link href={`${base}?page=${page - 1}`}>←</Link> : <span />}
            <span>{t('pageOf', { page, pages })}</span>
            {page < pages ? <Link href={`${base}?page=${page + 1}`}>→</Link> : <span />}
          </nav>
        ) : null}
      </section>
    </>
  );
}
