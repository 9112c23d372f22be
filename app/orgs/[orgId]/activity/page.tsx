// GET /orgs/[orgId]/activity — the organization's audit log: who changed what, newest first.
import Link from 'next/link';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { ACTIVITY_PAGE_SIZE, listActivity, type ActivityEntry } from '@/db/queries/activity';
import { describeActivity, type RootTranslate } from '@/lib/audit/describe-activity';
import { requireMembership } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/i18n/format';
import { titleMetadata } from '@/lib/billing/org-page';

export const generateMetadata = titleMetadata('activity');

export default async function ActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<{ before?: string | string[] }>;
}) {
  const [{ orgId }, query] = await Promise.all([params, searchParams]);
  const { organization } = await requireMembership(orgId);
  const before = typeof query.before === 'string' && /^\d{1,15}$/.test(query.before) ? Number(query.before) : undefined;
  const [entries, t, tRoot, locale] = await Promise.all([
    listActivity({ organizationId: organization.id, before, audience: 'customer' }),
    getTranslations('activity'),
    getTranslations(),
    getLocale(),
  ]);
  const { timeZone } = organization;

  const describe = (entry: ActivityEntry) => describeActivity(entry, { t: tRoot as unknown as RootTranslate, locale, timeZone });

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <section className="card" aria-label={t('title')}>
        {entries.length === 0 ? (
          <EmptyState title={t('emptyTitle')}>{t('emptyBody')}</EmptyState>
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t('title')}>
            <table className="table" data-testid="activity-table">
              <thead>
                <tr>
                  <th scope="col">{t('when')}</th>
                  <th scope="col">{t('what')}</th>
                  <th scope="col">{t('who')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => {
                  const { who, what, details } = describe(entry);
                  return (
                    <tr key={entry.id}>
                      <td>{formatDateTime(entry.createdAt, locale, timeZone)}</td>
                      <td className="whitespace-normal">
                        <span className="font-medium">{what}</span>
                        {details.length > 0 ? <span className="block text-xs text-slate-500">{details.join(' · ')}</span> : null}
                      </td>
                      <td>{who}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {entries.length === ACTIVITY_PAGE_SIZE ? (
          <p className="mt-4 text-sm">
            <Link href={`/orgs/${organization.id}/activity?before=${entries[entries.length - 1]!.id}`}>→</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
