// GET /orgs/[orgId]/invoices — the organization's invoices from the mirror: number, date, period, amount, status.
import Link from 'next/link';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { InvoiceTable } from '@/components/billing/invoice-table';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listInvoices } from '@/db/queries/invoices';
import { requireMembership } from '@/lib/auth/session';
import { titleMetadata } from '@/lib/billing/org-page';

export const generateMetadata = titleMetadata('invoices');

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
  const [{ invoices, total, page, pageSize }, t, locale] = await Promise.all([
    listInvoices({ organizationId: organization.id, page: Number.isFinite(requestedPage) ? requestedPage : 1 }),
    getTranslations('invoices'),
    getLocale(),
  ]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const base = `/orgs/${organization.id}/invoices`;

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <section className="card" aria-label={t('title')}>
        {invoices.length === 0 ? (
          <EmptyState title={t('emptyTitle')}>{t('emptyBody')}</EmptyState>
        ) : (
          <InvoiceTable
            invoices={invoices.map((invoice) => ({
              ...invoice,
              created: invoice.stripeCreated,
              periodStart: invoice.servicePeriodStart,
              periodEnd: invoice.servicePeriodEnd,
            }))}
            labels={{ region: t('title'), number: t('number'), date: t('date'), period: t('period'), amount: t('amount'), status: t('status') }}
            locale={locale}
            timeZone={organization.timeZone}
            link={{ href: (invoice) => `${base}/${invoice.id}`, label: (number) => t('viewInvoice', { number }) }}
            testId="invoices-table"
          />
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
