// The customer's usage for operators: this period per meter against the previous period, capacity in use and the
// projected invoice (with the last refresh's error, if any). The same read as the customer's dashboard
// (lib/usage/dashboard.ts): our database only, never Stripe.
import { getTranslations } from '@/lib/i18n/server';
import { timeZoneLabel } from '@/lib/i18n/time-zones';
import { formatDate, formatDateTime, formatMoney, formatQuantity } from '@/lib/i18n/format';
import type { SubscriptionView } from '@/db/queries/subscriptions';
import { loadUsageDashboard } from '@/lib/usage/dashboard';

export async function CustomerUsageSection(props: {
  organization: { id: string; timeZone: string; createdAt: Date };
  /** The organization's subscriptions, as the page read them. */
  subscriptions: SubscriptionView[];
  locale: string;
  timeZone: string;
}) {
  const [dashboard, t] = await Promise.all([
    loadUsageDashboard({ organization: props.organization, subscriptions: props.subscriptions, locale: props.locale }),
    getTranslations('admin.usage'),
  ]);
  const { limits, projection, period } = dashboard;
  const number = (value: number) => formatQuantity(value, props.locale);
  const date = (value: Date) => formatDate(value, props.locale, dashboard.timeZone);
  return (
    <section className="card mt-6" aria-labelledby="usage-title" data-testid="admin-usage">
      <h2 id="usage-title" className="card-title">
        {t('title')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        {t('period', { start: date(period.start), end: date(new Date(period.end.getTime() - 1)), timeZone: timeZoneLabel(dashboard.timeZone, props.locale) })}
        {period.billed ? '' : ` ${t('notBilled')}`}
      </p>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">{t('title')}</caption>
          <thead className="text-left text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                {t('meter')}
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                {t('thisPeriod')}
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                {t('previousToDate')}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {t('budget')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {dashboard.meters.map((meter) => (
              <tr key={meter.eventName} data-testid={`admin-usage-${meter.eventName}`}>
                <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                  {meter.name}
                </th>
                <td className="py-1.5 pr-3 text-right tabular-nums">{number(meter.totals.current)}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums text-slate-700">{meter.totals.previousToDate === null ? '—' : number(meter.totals.previousToDate)}</td>
                <td className="py-1.5 text-right tabular-nums text-slate-700">{meter.budget ? number(meter.budget.budget) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-700">{t('capacity')}</dt>
        <dd data-testid="admin-usage-capacity">
          {limits.capacity === null
            ? t('capacityUnlimited', { inUse: limits.devicesInUse })
            : t(limits.overCapacity ? 'capacityOver' : 'capacityInUse', { inUse: limits.devicesInUse, capacity: limits.capacity })}
          {limits.plan ? ` · ${limits.plan.productName}` : ''}
          {limits.freeTierEndsAt ? ` · ${t('freeYearEnds', { date: date(limits.freeTierEndsAt) })}` : ''}
        </dd>
        <dt className="font-medium text-slate-700">{t('projection')}</dt>
        <dd data-testid="admin-usage-projection">
          {projection?.total != null && projection.currency
            ? `${formatMoney(projection.total, projection.currency, props.locale)}${projection.refreshedAt ? ` · ${t('asOf', { time: formatDateTime(projection.refreshedAt, props.locale, props.timeZone) })}` : ''}`
            : t('noProjection')}
          {projection?.lastError ? <span className="block text-red-700">{t('refreshFailed', { error: projection.lastError })}</span> : null}
        </dd>
      </dl>
    </section>
  );
}
