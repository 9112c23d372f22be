// The customer's timeline: audit entries in words (the same formatter as the activity pages) merged with the
// Stripe events of the webhook ledger, newest first.
import Link from 'next/link';
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { describeActivity, type RootTranslate } from '@/lib/audit/describe-activity';
import type { TimelineEntry } from '@/lib/customers/timeline';
import { formatDateTime } from '@/lib/i18n/format';

export async function CustomerTimelineSection({ entries, timeZone }: { entries: TimelineEntry[]; timeZone: string }) {
  const [t, tRoot, locale] = await Promise.all([getTranslations('backoffice'), getTranslations(), getLocale()]);
  return (
    <section className="card mt-6" aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="card-title">
        {t('timeline.title')}
      </h2>
      <p className="text-sm text-slate-600">{t('timeline.intro')}</p>
      {entries.length === 0 ? <p className="mt-3 text-sm text-slate-600">{t('timeline.empty')}</p> : null}
      <ol className="mt-3 divide-y divide-slate-100 text-sm" data-testid="admin-activity">
        {entries.map((entry) => {
          const when = (
            <time dateTime={entry.at.toISOString()} className="whitespace-nowrap text-slate-600">
              {formatDateTime(entry.at, locale, timeZone)}
            </time>
          );
          if (entry.kind === 'stripe_event') {
            return (
              <li key={entry.key} className="flex flex-wrap justify-between gap-x-4 gap-y-1 py-2" data-testid="timeline-entry" data-kind="stripe_event">
                <span className="min-w-0">
                  <span className="font-medium text-slate-900">{t('timeline.stripeEvent', { type: entry.event.type })}</span>
                  <span className="ml-2 text-xs text-slate-600">{t('timeline.eventStatus', { status: t(`events.statuses.${entry.event.status}` as never) })}</span>
                  {entry.event.lastError ? <span className="block break-all text-xs text-red-800">{entry.event.lastError}</span> : null}
                  <Link href={`/admin/events?status=${entry.event.status}`} className="block font-mono text-xs text-slate-500">
                    {entry.event.id}
                  </Link>
                </span>
                {when}
              </li>
            );
          }
          const { who, what, details } = describeActivity(entry.audit, { t: tRoot as unknown as RootTranslate, locale, timeZone });
          return (
            <li key={entry.key} className="flex flex-wrap justify-between gap-x-4 gap-y-1 py-2" data-testid="timeline-entry" data-kind="audit" data-action={entry.audit.action}>
              <span className="min-w-0">
                <span className="font-medium text-slate-900">{what}</span>
                <span className="ml-2 break-all text-slate-600">{who}</span>
                {details.length > 0 ? <span className="block text-xs text-slate-600">{details.join(' · ')}</span> : null}
              </span>
              {when}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
