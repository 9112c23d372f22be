// GET /admin/events?status=failed — the webhook ledger: every Stripe event received, by status, with its
// payload and last error; admins replay one event or every failed one (audited).
import Link from 'next/link';
import { getLocale, getTimeZone } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { ReplayEventButton, ReplayFailedButton } from '@/components/admin/events/replay-buttons';
import { EmptyState } from '@/components/ui/empty-state';
import { TimesInZone } from '@/components/admin/times-in-zone';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { countStripeEvents, listStripeEvents, type StripeEventStatus } from '@/db/queries/events';
import { requireOperator } from '@/lib/auth/session';
import { formatDateTime, labelled } from '@/lib/i18n/format';
import { operatorCan } from '@/lib/permissions';
import { operatorTitleMetadata } from '@/lib/admin/title-metadata';

const STATUSES: StripeEventStatus[] = ['failed', 'pending', 'processing', 'processed', 'ignored'];

export const generateMetadata = operatorTitleMetadata('backoffice.events');

/** Events per page, newest first. */
const PAGE_SIZE = 50;

export default async function EventsPage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  const { role } = await requireOperator();
  const [t, locale, timeZone, query] = await Promise.all([getTranslations('backoffice.events'), getLocale(), getTimeZone(), searchParams]);
  const status = STATUSES.find((s) => s === query.status);
  const total = await countStripeEvents({ status });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  // A page past the last (or not a number) shows the nearest one that exists.
  const page = Math.min(Math.max(1, Math.floor(Number(query.page)) || 1), pages);
  const events = await listStripeEvents({ status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const hrefFor = (n: number) => `/admin/events?${new URLSearchParams({ ...(status ? { status } : {}), ...(n > 1 ? { page: String(n) } : {}) })}`;
  const canReplay = operatorCan(role, 'admin:events:replay');
  const outcomeLabels = Object.fromEntries(STATUSES.map((s) => [s, t(`statuses.${s}`)]));
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
        actions={canReplay ? <ReplayFailedButton label={t('replayAll')} doneLabel={t.raw('replayedAll') as string} /> : undefined}
      />
      <nav className="mb-4 flex flex-wrap gap-2 text-sm" aria-label={t('status')}>
        <Link href="/admin/events" className={status ? 'badge-gray' : 'badge-blue'}>
          {t('all')}
        </Link>
        {STATUSES.map((s) => (
          <Link key={s} href={`/admin/events?status=${s}`} className={status === s ? 'badge-blue' : 'badge-gray'}>
            {t(`statuses.${s}`)}
          </Link>
        ))}
      </nav>
      {events.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <ul className="card divide-y divide-slate-100" data-testid="admin-events">
          {events.map((event) => (
            <li key={event.id} className="py-3 text-sm" data-testid="admin-event" data-status={event.status}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="break-all font-medium text-slate-900">{event.type}</p>
                  <p className="break-all font-mono text-xs text-slate-500">
                    {event.id} · {labelled(t('object'), event.objectId ?? '—', locale)}
                  </p>
                  <p className="text-xs text-slate-600">
                    {labelled(t('received'), formatDateTime(event.receivedAt, locale, timeZone), locale)} · {labelled(t('attempts'), event.attempts, locale)}
                  </p>
                </div>
                <div className="flex items-center gap-3">
                  <span className={event.status === 'failed' ? 'badge-red' : event.status === 'processed' ? 'badge-green' : 'badge-gray'}>{t(`statuses.${event.status}`)}</span>
                  {canReplay && event.status !== 'processing' && event.status !== 'pending' ? <ReplayEventButton eventId={event.id} label={t('replay')} replayedLabel={t.raw('replayed') as string} outcomeLabels={outcomeLabels} /> : null}
                </div>
              </div>
              {event.lastError ? (
                <p className="mt-1 break-all text-xs text-red-800">
                  {labelled(t('lastError'), event.lastError, locale)}
                </p>
              ) : null}
              <details className="mt-1">
                <summary className="cursor-pointer text-xs text-slate-600">{t('payload')}</summary>
                <pre className="mt-1 max-h-80 overflow-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(event.payload, null, 2)}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} pages={pages} hrefFor={hrefFor} label={t('pageOf', { page, pages, total })} testId="events-pager" />
    </>
  );
}
