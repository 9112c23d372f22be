// GET /orgs/[orgId]/usage — usage this period by day per meter against the previous period, capacity in use, the
// projected invoice (from the mirror) and budget alerts. Reads our database only (lib/usage/dashboard.ts).
import { getLocale } from 'next-intl/server';
import { getTranslations } from '@/lib/i18n/server';
import { PageHeader } from '@/components/ui/page-header';
import { CapacityCard } from '@/components/usage/capacity-card';
import { ProjectedInvoiceCard } from '@/components/usage/projected-invoice-card';
import { UsageBudgetForm } from '@/components/usage/usage-budget-form';
import { UsageChart } from '@/components/usage/usage-chart';
import { UsageTable } from '@/components/usage/usage-table';
import { loadOrgPage, titleMetadata, type OrgPageProps } from '@/lib/billing/org-page';
import { formatDate, formatMonthDay, formatQuantity } from '@/lib/i18n/format';
import { timeZoneLabel } from '@/lib/i18n/time-zones';
import { loadUsageDashboard } from '@/lib/usage/dashboard';

export const generateMetadata = titleMetadata('usage');

export default async function UsagePage(props: OrgPageProps) {
  const { organization, mayManage } = await loadOrgPage(props);
  const locale = await getLocale();
  const [dashboard, t] = await Promise.all([loadUsageDashboard({ organization, locale }), getTranslations('usage')]);
  const { timeZone, period } = dashboard;
  const date = (value: Date) => formatDate(value, locale, timeZone);
  const dayLabel = (value: Date) => formatMonthDay(value, locale, timeZone);
  const number = (value: number) => formatQuantity(value, locale);
  // Periods end at an instant that belongs to the next one: the last day shown is the one before it.
  const lastDay = (end: Date) => date(new Date(end.getTime() - 1));

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('periodLine', { start: date(period.start), end: lastDay(period.end), timeZone: timeZoneLabel(timeZone, locale) })}
      />
      {!period.billed ? <p className="alert-info mb-6">{t('notBilled')}</p> : null}
      {/* A plan's first period has nothing of the plan before it: what was used then is not its previous period. */}
      {period.billed && !dashboard.previous ? (
        <p className="alert-info mb-6" data-testid="usage-first-period">
          {t('firstPeriod', { date: date(period.start) })}
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <CapacityCard limits={dashboard.limits} locale={locale} timeZone={timeZone} />
        <ProjectedInvoiceCard projection={dashboard.projection} locale={locale} timeZone={timeZone} />
      </div>

      {dashboard.meters.map((meter) => {
        const id = `meter-${meter.eventName}`;
        const compared = meter.totals.previous !== null && meter.totals.previousToDate !== null;
        const legend = { current: t('thisPeriod'), previous: compared ? t('previousPeriod') : null };
        return (
          <section key={meter.eventName} className="card mt-6" aria-labelledby={`${id}-heading`} data-testid={id}>
            <h2 id={`${id}-heading`} className="card-title">
              {meter.name}
            </h2>
            <dl className="mt-3 grid gap-3 sm:grid-cols-3" data-testid={`${id}-totals`}>
              <div>
                <dt className="text-xs text-slate-600">{t('soFar')}</dt>
                <dd className="text-2xl font-semibold tabular-nums text-slate-900">{number(meter.totals.current)}</dd>
              </div>
              {meter.totals.previousToDate !== null ? (
                <div>
                  <dt className="text-xs text-slate-600">{t('previousToDate')}</dt>
                  <dd className="text-lg tabular-nums text-slate-800">{number(meter.totals.previousToDate)}</dd>
                </div>
              ) : null}
              {meter.totals.previous !== null ? (
                <div>
                  <dt className="text-xs text-slate-600">{t('previousTotal')}</dt>
                  <dd className="text-lg tabular-nums text-slate-800">{number(meter.totals.previous)}</dd>
                </div>
              ) : null}
            </dl>
            <div className="mt-4 grid gap-4 lg:grid-cols-2">
              <UsageChart
                id={id}
                days={meter.days}
                title={t('chartTitle', { meter: meter.name })}
                summary={
                  meter.totals.previousToDate !== null
                    ? t('chartSummary', { meter: meter.name, current: number(meter.totals.current), previous: number(meter.totals.previousToDate) })
                    : t('chartSummaryFirst', { meter: meter.name, current: number(meter.totals.current) })
                }
                dayLabel={dayLabel}
                number={number}
                legend={legend}
              />
              <UsageTable
                id={id}
                days={meter.days}
                caption={t(compared ? 'tableCaption' : 'tableCaptionFirst', { meter: meter.name })}
                labels={{ date: t('day'), current: legend.current, previous: legend.previous, notYet: t('notYet') }}
                dayLabel={(value) => date(value)}
                number={number}
              />
            </div>
            <div className="mt-6 border-t border-slate-100 pt-4">
              <h3 className="text-sm font-semibold text-slate-900">{t('budgetHeading')}</h3>
              <p className="mb-3 text-sm text-slate-600" data-testid={`${id}-budget`}>
                {meter.budget
                  ? t('budgetSet', {
                      budget: number(meter.budget.budget),
                      thresholds: meter.budget.thresholds.map((p) => `${p}%`).join(', '),
                      used: Math.floor((meter.totals.current / meter.budget.budget) * 100),
                    })
                  : t('budgetNone')}
              </p>
              {mayManage ? (
                <UsageBudgetForm
                  organizationId={organization.id}
                  meter={meter.eventName}
                  current={meter.budget ? { budget: meter.budget.budget, thresholds: meter.budget.thresholds } : null}
                  labels={{
                    budget: t('budgetLabel', { meter: meter.name }),
                    thresholds: t('thresholdsLabel'),
                    thresholdsHelp: t('thresholdsHelp'),
                    save: t('saveBudget'),
                    remove: t('removeBudget'),
                    saved: t('budgetSaved'),
                    removed: t('budgetRemoved'),
                  }}
                />
              ) : (
                <p className="text-xs text-slate-600">{t('budgetReadOnly')}</p>
              )}
            </div>
          </section>
        );
      })}
    </>
  );
}
