// GET /admin/notifications — the outbox: every email, newest first, filtered by status; failed ones with their
// last error; resend and preview per row.
import Link from 'next/link';
import { getLocale, getTimeZone } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { z } from 'zod';
import { ResendNotificationButton } from '@/components/admin/notifications/resend-notification-button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { listNotificationsForOperator } from '@/db/queries/notifications';
import { requireOperator } from '@/lib/auth/session';
import { formatDateTime, labelled } from '@/lib/i18n/format';
import { isNotificationKind } from '@/lib/notifications/kinds';
import { operatorCan } from '@/lib/permissions';
import { operatorTitleMetadata } from '@/lib/admin/title-metadata';

export const generateMetadata = operatorTitleMetadata('notifications.outbox');

const statuses = ['pending', 'sent', 'failed'] as const;
const tone = { pending: 'badge-amber', sent: 'badge-green', failed: 'badge-red' } as const;
const searchParamsSchema = z.object({ status: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.enum(statuses).optional().catch(undefined)) });

export default async function AdminNotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { role } = await requireOperator();
  const { status } = searchParamsSchema.parse(await searchParams);
  const [rows, t, tKind, tStatus, locale, timeZone] = await Promise.all([
    listNotificationsForOperator({ status, limit: 200 }),
    getTranslations('notifications.outbox'),
    getTranslations('notifications.kinds'),
    getTranslations('notifications.status'),
    getLocale(),
    getTimeZone(),
  ]);
  const canResend = operatorCan(role, 'admin:notifications:manage');

  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <nav aria-label={t('status')} className="mb-4 flex flex-wrap gap-2">
        <Link href="/admin/notifications" className={status ? 'btn-ghost' : 'btn-secondary'} aria-current={status ? undefined : 'page'}>
          {t('filterAll')}
        </Link>
        {statuses.map((s) => (
          <Link key={s} href={`/admin/notifications?status=${s}`} className={status === s ? 'btn-secondary' : 'btn-ghost'} aria-current={status === s ? 'page' : undefined}>
            {tStatus(s)}
          </Link>
        ))}
      </nav>
      <section className="card">
        {rows.length === 0 ? (
          <EmptyState title={t('empty')} />
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t('title')}>
            {/* Seven facts in five columns (the moment over its recipient, the status over its attempts), all wrapping,
                so the status and the resend button are in view on a laptop without scrolling the table. */}
            <table className="table table-dense" data-testid="notifications-table">
              <thead>
                <tr>
                  <th scope="col">{t('created')}</th>
                  <th scope="col">
                    {t('kind')} / {t('recipient')}
                  </th>
                  <th scope="col">{t('subject')}</th>
                  <th scope="col">
                    {t('status')} / {t('attempts')}
                  </th>
                  <th scope="col">
                    <span className="sr-only">{t('resend')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <td className="whitespace-normal">{formatDateTime(row.createdAt, locale, timeZone)}</td>
                    <td className="whitespace-normal">
                      {isNotificationKind(row.kind) ? tKind(row.kind) : row.kind}
                      <span className="block break-all text-xs text-slate-600">{row.recipient}</span>
                    </td>
                    <td className="min-w-[14rem] whitespace-normal">
                      <a href={`/admin/notifications/preview?id=${encodeURIComponent(row.id)}`} target="_blank" rel="noreferrer">
                        {row.subject}
                      </a>
                      {row.lastError ? (
                        <p className="mt-1 text-xs text-red-700">
                          {labelled(t('error'), row.lastError, locale)}
                        </p>
                      ) : null}
                    </td>
                    <td>
                      <span className={tone[row.status]}>{tStatus(row.status)}</span>
                      <span className="block text-xs text-slate-600">{t('attemptCount', { count: row.attempts })}</span>
                    </td>
                    <td>
                      {canResend && row.status !== 'pending' ? (
                        <ResendNotificationButton
                          notificationId={row.id}
                          labels={{
                            resend: t('resend'),
                            resent: t('resent'),
                            // Already delivered: the recipient would get it twice, so ask first.
                            confirm: row.status === 'sent' ? t('confirmResend', { recipient: row.recipient }) : undefined,
                            cancel: t('cancel'),
                          }}
                        />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
