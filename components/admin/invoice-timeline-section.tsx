// One invoice's event timeline for operators: the audit log entries about it (operators, customers, Stripe) and the
// Stripe webhook events received for it, each with its processing status.
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { ActivityList } from '@/components/admin/activity-list';
import type { ActivityEntry } from '@/db/queries/activity';
import type { StripeEventRow } from '@/db/queries/events';
import { formatDateTime } from '@/lib/i18n/format';

export async function InvoiceTimelineSection(props: { entries: readonly ActivityEntry[]; events: readonly StripeEventRow[]; timeZone: string }) {
  const { entries, events, timeZone } = props;
  const [t, tEvents, locale] = await Promise.all([getTranslations('adminInvoices'), getTranslations('backoffice.events'), getLocale()]);
  return (
    <section className="card mb-6" aria-labelledby="timeline-title" data-testid="admin-invoice-timeline">
      <h2 id="timeline-title" className="card-title">
        {t('timelineTitle')}
      </h2>
      {entries.length === 0 && events.length === 0 ? <p className="mt-3 text-sm text-slate-600">{t('timelineEmpty')}</p> : null}
      {entries.length > 0 ? <ActivityList entries={entries} timeZone={timeZone} /> : null}
      {events.length > 0 ? (
        <>
          <h3 className="mt-4 text-sm font-semibold text-slate-800">{t('webhookEvents')}</h3>
          <ol className="mt-2 divide-y divide-slate-100 text-sm" data-testid="admin-invoice-events">
            {events.map((event) => (
              <li key={event.id} className="flex flex-wrap justify-between gap-x-4 py-1.5">
                <span className="font-mono text-xs">{event.type}</span>
                <span className="text-slate-600">
                  {tEvents(`statuses.${event.status}`)} · {formatDateTime(event.stripeCreated, locale, timeZone)}
                </span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
