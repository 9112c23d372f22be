// GET /admin/audit — every action by operators, customers, jobs and Stripe, newest first: filters by actor,
// actor type, action, customer and dates; pages of 50 (older / back to the newest); CSV of the filtered rows. The
// table (components/admin/audit-entries-table.tsx) fits the content width; plans are named from the catalogue.
import Link from 'next/link';
import { getLocale, getTimeZone } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { AuditEntriesTable } from '@/components/admin/audit-entries-table';
import { EmptyState } from '@/components/ui/empty-state';
import { TimesInZone } from '@/components/admin/times-in-zone';
import { PageHeader } from '@/components/ui/page-header';
import { AUDIT_PAGE_SIZE, searchAuditLogForOperator } from '@/db/queries/audit-search';
import { getCatalogNames } from '@/db/queries/catalog';
import { auditFilterQuery, parseAuditFilters, type AuditFilterInput } from '@/lib/admin/audit-filters';
import type { RootTranslate } from '@/lib/audit/describe-activity';
import { requireOperator } from '@/lib/auth/session';
import { operatorTitleMetadata } from '@/lib/admin/title-metadata';

export const generateMetadata = operatorTitleMetadata('backoffice.audit');

export default async function AuditPage({ searchParams }: { searchParams: Promise<AuditFilterInput> }) {
  await requireOperator();
  const [t, tRoot, locale, timeZone, query] = await Promise.all([getTranslations('backoffice.audit'), getTranslations(), getLocale(), getTimeZone(), searchParams]);
  const filters = parseAuditFilters(query, timeZone);
  const rows = await searchAuditLogForOperator({ ...filters, limit: AUDIT_PAGE_SIZE + 1 });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  // Entries about a plan (a review hold on a product or price) are named from the mirrored catalogue.
  const catalogIds = page.filter((row) => row.targetId && (row.targetType === 'product' || row.targetType === 'price')).map((row) => row.targetId!);
  const targetNames = await getCatalogNames({ ids: catalogIds, locale });
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
        <AuditEntriesTable
          rows={page}
          targetNames={targetNames}
          labels={{ title: t('title'), whenWho: t('whenWho'), what: t('what'), customer: t('customerColumn'), target: t('target') }}
          t={tRoot as unknown as RootTranslate}
          locale={locale}
          timeZone={timeZone}
        />
      )}
      <nav className="mt-4 flex gap-4 text-sm" aria-label={t('title')}>
        {filters.before ? <Link href={`/admin/audit${filterQuery ? `?${filterQuery}` : ''}`}>← {t('previous')}</Link> : null}
        {rows.length > AUDIT_PAGE_SIZE ? <Link href={`/admin/audit?${filterQuery ? `${filterQuery}&` : ''}before=${page[page.length - 1]!.id}`}>{t('next')} →</Link> : null}
      </nav>
    </>
  );
}
