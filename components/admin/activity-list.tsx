// The operators' view of a customer's activity: when, who (an email), what in words and the stored details,
// through the same formatter as the portal's activity page.
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import type { ActivityEntry } from '@/db/queries/activity';
import { describeActivity, type RootTranslate } from '@/lib/audit/describe-activity';
import { formatDateTime } from '@/lib/i18n/format';

/** `timeZone`: the customer's when the entries are about one (lib/i18n/time-zones.ts). */
export async function ActivityList({ entries, timeZone }: { entries: readonly ActivityEntry[]; timeZone: string }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return (
    <ol className="mt-3 divide-y divide-slate-100 text-sm" data-testid="admin-activity">
      {entries.map((entry) => {
        const { who, what, details } = describeActivity(entry, { t: t as unknown as RootTranslate, locale, timeZone });
        return (
          <li key={entry.id} className="flex flex-wrap justify-between gap-x-4 gap-y-1 py-2">
            <span className="min-w-0">
              <span className="font-medium text-slate-900">{what}</span>
              <span className="ml-2 break-all text-slate-600">{who}</span>
              {details.length > 0 ? <span className="block text-xs text-slate-600">{details.join(' · ')}</span> : null}
            </span>
            <time dateTime={entry.createdAt.toISOString()} className="text-slate-600">
              {formatDateTime(entry.createdAt, locale, timeZone)}
            </time>
          </li>
        );
      })}
    </ol>
  );
}
