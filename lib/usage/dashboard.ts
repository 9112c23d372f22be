// Everything the usage dashboard (and the operators' customer page) shows for one organization, read from our
// database only: per catalogue meter this period's days against the previous period's, the budget, the capacity
// in use (usageLimitsFor) and the projected invoice from the mirror. Never calls Stripe.
import 'server-only';
import { isLiveSubscription, type SubscriptionView } from '@/db/queries/subscriptions';
import { usageBucketSeries } from '@/db/queries/usage-events';
import { getInvoiceProjection, listUsageBudgets, type InvoiceProjection, type UsageBudget } from '@/db/queries/usage-dashboard';
import { catalogMeters } from './known-meters';
import { usageLimitsFor, type UsageLimits } from './limits';
import { compareDays, periodTotals, type DayComparison, type Period, type PeriodTotals } from './period';
import { usagePeriodsFor } from './usage-period-for';

export type MeterUsage = {
  eventName: string;
  name: string;
  days: DayComparison[];
  totals: PeriodTotals;
  budget: UsageBudget | null;
};

export type UsageDashboard = {
  timeZone: string;
  period: Period & { billed: boolean };
  /** The period compared with; null in a metered plan's first period (nothing before it was this plan's). */
  previous: Period | null;
  meters: MeterUsage[];
  limits: UsageLimits;
  projection: InvoiceProjection | null;
};

/**
 * `subscriptions`: the organization's subscriptions when the page has read them already (the operators' customer
 * page), so they are not read again for the usage period.
 */
export async function loadUsageDashboard(params: {
  organization: { id: string; timeZone: string; createdAt: Date };
  locale: string;
  now?: Date;
  subscriptions?: SubscriptionView[];
}): Promise<UsageDashboard> {
  const now = params.now ?? new Date();
  const { organization } = params;
  const timeZone = organization.timeZone;
  const [{ current, previous }, meters, budgets, limits, projection] = await Promise.all([
    usagePeriodsFor(organization, now, params.subscriptions?.filter(isLiveSubscription)),
    catalogMeters(params.locale),
    listUsageBudgets({ organizationId: organization.id }),
    usageLimitsFor(organization.id, { now, locale: params.locale, organizationCreatedAt: organization.createdAt }),
    getInvoiceProjection({ organizationId: organization.id }),
  ]);
  // Day buckets of exactly each period (the first and last clipped to it), so the days add up to the period's total:
  // both periods of every meter in one statement (this period only, when there is none before it).
  const perMeter = previous ? 2 : 1;
  const series = await usageBucketSeries({
    organizationId: organization.id,
    granularity: 'day',
    timeZone,
    series: meters.flatMap((meter) => [
      { meter: meter.eventName, start: current.start, end: current.end },
      ...(previous ? [{ meter: meter.eventName, start: previous.start, end: previous.end }] : []),
    ]),
  });
  const meterUsage = meters.map((meter, index): MeterUsage => {
    const currentBuckets = series[perMeter * index]!;
    const previousBuckets = previous ? series[perMeter * index + 1]! : null;
    const days = compareDays({ current: currentBuckets, previous: previousBuckets ?? [], now });
    return {
      eventName: meter.eventName,
      name: meter.name,
      days,
      totals: periodTotals(days, previousBuckets),
      budget: budgets.find((b) => b.meter === meter.eventName) ?? null,
    };
  });
  return { timeZone, period: current, previous, meters: meterUsage, limits, projection };
}
