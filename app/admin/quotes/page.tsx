// GET /admin/quotes — every quote from the mirror, newest first, by status (draft, open, accepted, canceled,
// expired) and customer (name, prospect, email or number). Operators only (requireOperator here too).
import Link from 'next/link';
import { getLocale, getTimeZone } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { QuoteStatusBadge } from '@/components/admin/quotes/quote-status-badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listQuotesForOperator, quoteListStatuses, type QuoteListStatus } from '@/db/queries/quotes';
import { requireOperator } from '@/lib/auth/session';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { operatorCan } from '@/lib/permissions';
import { displayStatusOf } from '@/lib/quotes/quote-state';
import { operatorTitleMetadata } from '@/lib/admin/title-metadata';

export const generateMetadata = operatorTitleMetadata('quotes');

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

export default async function AdminQuotesPage({ searchParams }: { searchParams: SearchParams }) {
  const { role } = await requireOperator();
  const query = await searchParams;
  const statusParam = one(query.status);
  const status = quoteListStatuses.find((s) => s === statusParam) ?? null;
  const q = one(query.q)?.trim().slice(0, 200) || null;
  const organizationId = one(query.org)?.slice(0, 100) || null;
  const [rows, t, tc, locale, timeZone] = await Promise.all([
    listQuotesForOperator({ status, q, organizationId }),
    getTranslations('quotes'),
    getTranslations('common'),
    getLocale(),
    getTimeZone(),
  ]);
  const now = new Date();
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('lead')}
        actions={
          operatorCan(role, 'admin:quotes:manage') ? (
            <Link href="/admin/quotes/new" className="btn-primary">
              {t('new')}
            </Link>
          ) : null
        }
      />
      <form role="search" method="get" action="/admin/quotes" className="card mb-6 flex flex-wrap items-end gap-3">
        <div className="w-full sm:w-64">
          <label htmlFor="q" className="label">
            {t('searchLabel')}
          </label>
          <input id="q" name="q" type="search" defaultValue={q ?? ''} placeholder={t('searchPlaceholder')} className="input" />
        </div>
        <div className="w-full sm:w-40">
          <label htmlFor="status" className="label">
            {t('statusLabel')}
          </label>
          <select id="status" name="status" defaultValue={status ?? ''} className="input">
            <option value="">{tc('all')}</option>
            {quoteListStatuses.map((s: QuoteListStatus) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {organizationId ? <input type="hidden" name="org" value={organizationId} /> : null}
        <button type="submit" className="btn-primary">
          {t('filter')}
        </button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <div className="card relative overflow-x-auto p-0">
          <table className="table" data-testid="quote-list">
            <thead>
              <tr>
                <th scope="col">{t('columns.number')}</th>
                <th scope="col">{t('columns.customer')}</th>
                <th scope="col">{t('columns.status')}</th>
                <th scope="col" className="text-right">
                  {t('columns.total')}
                </th>
                <th scope="col">{t('columns.validUntil')}</th>
                <th scope="col">{t('columns.created')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ quote, request, organizationName }) => (
                <tr key={quote.id}>
                  <td>
                    <Link href={`/admin/quotes/${quote.id}`}>
                      {quote.number ?? t('noNumber')}
                    </Link>
                  </td>
                  <td>
                    {organizationName ?? request?.prospectName ?? '-'}
                    {!organizationName && request?.prospectName ? <span className="ml-2 badge-gray">{t('prospect')}</span> : null}
                    {request ? <div className="text-xs text-slate-500">{request.recipientEmail}</div> : null}
                  </td>
                  <td>
                    <QuoteStatusBadge status={displayStatusOf(quote, now)} label={t(`status.${displayStatusOf(quote, now)}`)} />
                  </td>
                  <td className="text-right tabular-nums">{formatMoney(quote.amountTotal, quote.currency ?? 'jpy', locale)}</td>
                  <td>{formatDate(quote.expiresAt, locale, timeZone)}</td>
                  <td>{formatDate(quote.stripeCreated, locale, timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
