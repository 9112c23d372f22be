// GET /admin/reports/receivables?asOf=YYYY-MM-DD[&customers=N][&invoices=N] — month-end receivables: invoices open
// at the end of the chosen day (operator's time zone; default today), by collection method and currency and by
// customer in ageing buckets, the open invoices with "remind the customer" on those past due now (whatever the
// chosen day: the reminder goes today), and the CSV of every row. Customers and
// invoices are shown 50 per page (most overdue first): with thousands of customers one page of everything was
// megabytes of HTML; the totals above them and the CSV always cover all of them.
import Link from 'next/link';
import { getLocale, getTimeZone } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { AgeingTable } from '@/components/admin/receivables/ageing-table';
import { RemindInvoiceButton } from '@/components/admin/receivables/remind-invoice-button';
import { EmptyState } from '@/components/ui/empty-state';
import { Pager } from '@/components/ui/pager';
import { TimesInZone } from '@/components/admin/times-in-zone';
import { PageHeader } from '@/components/ui/page-header';
import { pageParam } from '@/lib/admin/page-param';
import { requireOperator } from '@/lib/auth/session';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { operatorCan } from '@/lib/permissions';
import { endOfDayIn, todayIn } from '@/lib/receivables/as-of';
import { reminderNotDue } from '@/lib/notifications/reminder-due';
import { AGEING_BUCKETS, buildReceivablesReport } from '@/lib/receivables/report';
import { operatorTitleMetadata } from '@/lib/admin/title-metadata';

export const generateMetadata = operatorTitleMetadata('backoffice.receivables');

const PAGE_SIZE = 50;

export default async function ReceivablesPage({ searchParams }: { searchParams: Promise<{ asOf?: string; customers?: string; invoices?: string }> }) {
  const { role } = await requireOperator();
  const [t, tb, locale, timeZone, query] = await Promise.all([getTranslations('backoffice.receivables'), getTranslations('backoffice'), getLocale(), getTimeZone(), searchParams]);
  const requested = typeof query.asOf === 'string' && query.asOf ? query.asOf : null;
  const day = requested && endOfDayIn(requested, timeZone) ? requested : todayIn(timeZone);
  const report = await buildReceivablesReport({
    asOf: endOfDayIn(day, timeZone)!,
    customersPage: pageParam(query.customers),
    invoicesPage: pageParam(query.invoices),
    pageSize: PAGE_SIZE,
  });
  const bucketLabels = Object.fromEntries(AGEING_BUCKETS.map((b) => [b, t(`buckets.${b}`)])) as Record<(typeof AGEING_BUCKETS)[number], string>;
  const canRemind = operatorCan(role, 'admin:invoices:resend');
  const now = new Date();
  const common = { bucketLabels, countLabel: t('count'), totalLabel: t('total'), locale };
  const { customers, invoices } = report;
  const hrefFor = (list: 'customers' | 'invoices', page: number) => {
    const params = new URLSearchParams({ asOf: day, customers: String(customers.page), invoices: String(invoices.page) });
    params.set(list, String(page));
    return `/admin/reports/receivables?${params.toString()}#${list === 'customers' ? 'by-customer' : 'open-invoices'}`;
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        description={
          <>
            {t('intro')}
            <TimesInZone timeZone={timeZone} />
          </>
        }
        actions={
          <a className="btn-secondary" href={`/admin/reports/receivables/csv?asOf=${day}`} download data-testid="receivables-csv">
            {t('exportCsv')}
          </a>
        }
      />
      <form className="mb-6 flex flex-wrap items-end gap-3" method="get">
        <label className="text-sm font-medium text-slate-700">
          {t('asOf')}
          <input className="input mt-1 block" type="date" name="asOf" defaultValue={day} />
        </label>
        <button type="submit" className="btn-primary">
          {t('show')}
        </button>
        {requested && requested !== day ? (
          <p className="field-error" role="alert">
            {t('invalidDate')}
          </p>
        ) : null}
      </form>

      {report.invoices.total === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <>
          <section className="card" aria-labelledby="by-method">
            <h2 id="by-method" className="card-title">
              {t('byMethod')}
            </h2>
            <AgeingTable
              {...common}
              label={t('byMethod')}
              testId="receivables-by-method"
              firstColumn={t('method')}
              rows={report.groups.map((g) => ({ key: `${g.collectionMethod}|${g.currency}`, name: tb(`collection.${g.collectionMethod}`), currency: g.currency, count: g.count, totals: g.totals }))}
            />
          </section>

          <section className="card mt-6" aria-labelledby="by-customer">
            <h2 id="by-customer" className="card-title">
              {t('byCustomer')}
            </h2>
            <AgeingTable
              {...common}
              label={t('byCustomer')}
              testId="receivables-by-customer"
              firstColumn={t('customer')}
              rows={customers.rows.map((c) => ({
                key: `${c.organizationId ?? ''}|${c.currency}`,
                name: c.organizationId ? <Link href={`/admin/customers/${c.organizationId}`}>{c.customerName ?? c.organizationId}</Link> : '—',
                currency: c.currency,
                count: c.count,
                totals: c.totals,
              }))}
            />
            <Pager
              page={customers.page}
              pages={customers.pages}
              hrefFor={(page) => hrefFor('customers', page)}
              label={t('pageOf', { page: customers.page, pages: customers.pages, total: customers.total })}
              testId="receivables-customers-pages"
            />
          </section>

          <section className="card mt-6" aria-labelledby="open-invoices">
            <h2 id="open-invoices" className="card-title">
              {t('invoices')}
            </h2>
            <div className="table-wrap mt-3" tabIndex={0} role="region" aria-label={t('invoices')}>
              <table className="table table-dense" data-testid="receivables-invoices">
                <thead>
                  <tr>
                    <th scope="col">{t('invoice')}</th>
                    <th scope="col">{t('customer')}</th>
                    <th scope="col">{t('method')}</th>
                    <th scope="col">{t('dueDate')}</th>
                    <th scope="col" className="num">
                      {t('daysPastDue')}
                    </th>
                    <th scope="col">{t('bucket')}</th>
                    <th scope="col" className="num">
                      {t('amount')}
                    </th>
                    {canRemind ? <th scope="col">{t('remind')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {invoices.rows.map((invoice) => (
                    <tr key={invoice.id} data-testid="receivables-invoice" data-invoice-id={invoice.id} data-bucket={invoice.bucket}>
                      <td className="font-mono text-xs">
                        <Link href={`/admin/invoices/${invoice.id}`}>{invoice.number ?? invoice.id}</Link>
                      </td>
                      <td className="whitespace-normal">{invoice.organizationId ? <Link href={`/admin/customers/${invoice.organizationId}`}>{invoice.customerName ?? invoice.organizationId}</Link> : '—'}</td>
                      <td className="whitespace-normal">{tb(`collection.${invoice.collectionMethod}`)}</td>
                      <td>{invoice.dueDate ? formatDate(invoice.dueDate, locale, timeZone) : '—'}</td>
                      <td className="num">{invoice.daysPastDue}</td>
                      <td>{bucketLabels[invoice.bucket]}</td>
                      <td className="num">{formatMoney(invoice.openAmount, invoice.currency, locale)}</td>
                      {canRemind ? (
                        <td>
                          {invoice.status === 'open' && invoice.timeZone && reminderNotDue(invoice, invoice.timeZone, invoice.testClockTime ?? now) === null ? (
                            <RemindInvoiceButton invoiceId={invoice.id} labels={{ remind: t('remind'), reminded: t('reminded'), alreadyReminded: t('alreadyReminded') }} />
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager
              page={invoices.page}
              pages={invoices.pages}
              hrefFor={(page) => hrefFor('invoices', page)}
              label={t('pageOf', { page: invoices.page, pages: invoices.pages, total: invoices.total })}
              testId="receivables-invoices-pages"
            />
          </section>
        </>
      )}
    </>
  );
}
