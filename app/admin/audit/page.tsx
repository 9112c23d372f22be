// GET /admin/audit — every action by operators, customers, jobs and Stripe, newest first: filters by actor,
// actor type, action, customer and dates; pages of 50 (older / back to the newest); CSV of the filtered rows.
import Link from 'next/link';
import { getLocale, getTimeZone } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { EmptyState } from '@/components/ui/empty-state';
import { TimesInZone } from '@/components/admin/times-in-zone';
import { PageHeader } from '@/components/ui/page-header';
import { AUDIT_PAGE_SIZE, searchAuditLogForOperator } from '@/db/queries/audit-search';
import { auditFilterQuery, parseAuditFilters, type AuditFilterInput } from '@/lib/admin/audit-filters';
import { describeActivity, type RootTranslate } from '@/lib/audit/describe-activity';
import { requireOperator } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/i18n/format';
import { operatorTitleMetadata } from '@/lib/admin/title-metadata';

export const generateMetadata = operatorTitleMetadata('backoffice.audit');

export default async function AuditPage({ searchParams }: { searchParams: Promise<AuditFilterInput> }) {
  await requireOperator();
  const [t, tRoot, locale, timeZone, query] = await Promise.all([getTranslations('backoffice.audit'), getTranslations(), getLocale(), getTimeZone(), searchParams]);
  const filters = parseAuditFilters(query, timeZone);
  const rows = await searchAuditLogForOperator({ ...filters, limit: AUDIT_PAGE_SIZE + 1 });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const filterQuery = auditFilterQuery(query);
  const value = (key: string) => (typeof query[key] === 'string' ? (query[key] as string) : '');
  const field = (name: string, label: string, type = 'text') => (
    <label className="text-sm font-medium text-slate-700">
      {label}
      <input className="input mt-1 block" type={type} name={name} defaultValue={value(name)} />
    </label>
  );

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
          <a className="btn-secondary" href={`/admin/audit/csv${filterQuery ? `?${filterQuery}` : ''}`} download data-testid="audit-csv">
            {t('exportCsv')}
          </a>
        }
      />
      <form className="card mb-6 flex flex-wrap items-end gap-3" method="get" data-testid="audit-filters">
        {field('actor', t('actor'))}
        <label className="text-sm font-medium text-slate-700">
          {t('actorType')}
          <select className="input mt-1 block" name="actorType" defaultValue={value('actorType')}>
            <option value="">{t('any')}</option>
            {(['operator', 'user', 'system', 'stripe'] as const).map((type) => (
              <option key={type} value={type}>
                {t(`actorTypes.${type}`)}
              </option>
            ))}
          </select>
        </label>
        {field('action', t('action'))}
        {field('customer', t('customer'))}
        {field('from', t('from'), 'date')}
        {field('to', t('to'), 'date')}
        <button type="submit" className="btn-primary">
          {t('filter')}
        </button>
      </form>
      {page.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('title')}>
          <table className="table" data-testid="audit-entries">
            <thead>
              <tr>
                <th scope="col">{t('when')}</th>
                <th scope="col">{t('who')}</th>
                <th scope="col">{t('what')}</th>
                <th scope="col">{t('customer')}</th>
                <th scope="col">{t('target')}</th>
              </tr>
            </thead>
            <tbody>
              {page.map((row) => {
                const { who, what, details } = describeActivity(row, { t: tRoot as unknown as RootTranslate, locale, timeZone });
                return (
                  <tr key={row.id} data-testid="audit-entry" data-action={row.action}>
                    <td className="whitespace-nowrap">{formatDateTime(row.createdAt, locale, timeZone)}</td>
                    <td className="break-all">{who}</td>
                    <td>
                      <span className="font-medium">{what}</span> <span className="font-mono text-xs text-slate-500">{row.action}</span>
                      {details.length > 0 ? <span className="block text-xs text-slate-600">{details.join(' · ')}</span> : null}
                    </td>
                    <td>{row.organizationId ? <Link href={`/admin/customers/${row.organizationId}`}>{row.organizationName ?? row.organizationId}</Link> : '—'}</td>
                    <td className="break-all font-mono text-xs">{row.targetId ? `${row.targetType ?? ''} ${row.targetId}` : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <nav className="mt-4 flex gap-4 text-sm" aria-label={t('title')}>
        {filters.before ? <Link href={`/admin/audit${filterQuery ? `?${filterQuery}` : ''}`}>← {t('previous')}</Link> : null}
        {rows.length > AUDIT_PAGE_SIZE ? <Link href={`/admin/audit?${filterQuery ? `${filterQuery}&` : ''}before=${page[page.length - 1]!.id}`}>{t('next')} →</Link> : null}
      </nav>
    </>
  );
}
