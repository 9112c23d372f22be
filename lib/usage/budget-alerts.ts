// Budget alerts: a customer sets, per meter, a budget for each period and the percentages of it that send an
// email (e.g. 80 % and 100 %). After usage is accepted or reported, the follow-up job compares this period's
// accepted usage with each threshold; a crossed one goes to the outbox under the key
// `usage_budget:<organization>:<meter>:<threshold>:<period start>`, so each threshold emails once per period however
// often the check runs, on however many servers.
import { listCatalogMeters } from '@/db/queries/catalog';
import { getOrganizationById } from '@/db/queries/organizations';
import { getNotificationAudience } from '@/db/queries/outbox';
import { usageTotal } from '@/db/queries/usage-events';
import { listUsageBudgets } from '@/db/queries/usage-dashboard';
import { enqueueNotification } from '@/lib/notifications/enqueue';
import { portalLinks } from '@/lib/notifications/links';
import { emailLocaleFor } from '@/lib/notifications/locale';
import { usagePeriodsFor } from './usage-period-for';

/** The thresholds (percent of `budget`) that `usage` has reached, lowest first. Pure. */
export function crossedThresholds(usage: number, budget: number, thresholds: readonly number[]): number[] {
  if (!(budget > 0)) return [];
  // Compare in integers of the budget's hundredths so 80 % of 1,000 is reached at exactly 800.
  return [...thresholds].sort((a, b) => a - b).filter((percent) => usage * 100 >= budget * percent);
}

export function budgetAlertKey(params: { organizationId: string; meter: string; threshold: number; periodStart: Date }): string {
  return `usage_budget:${params.organizationId}:${params.meter}:${params.threshold}:${params.periodStart.toISOString()}`;
}

/** Checks every budget of the organization; returns the thresholds newly put in the outbox. Idempotent. */
export async function checkBudgetAlerts(organizationId: string, now: Date = new Date()): Promise<{ meter: string; threshold: number }[]> {
  const budgets = await listUsageBudgets({ organizationId });
  if (budgets.length === 0) return [];
  const organization = await getOrganizationById({ organizationId });
  if (!organization?.stripeCustomerId) return [];
  const audience = await getNotificationAudience({ customerId: organization.stripeCustomerId });
  if (!audience?.email) return [];
  const locale = emailLocaleFor(audience.preferredLocale);
  const { current } = await usagePeriodsFor(organization, now);
  const meters = await listCatalogMeters({ locale });
  const sent: { meter: string; threshold: number }[] = [];
  for (const budget of budgets) {
    const usage = await usageTotal({ organizationId, meter: budget.meter, start: current.start, end: current.end });
    for (const threshold of crossedThresholds(usage, budget.budget, budget.thresholds)) {
      const outcome = await enqueueNotification({
        kind: 'usage_budget_crossed',
        organizationId,
        recipient: audience.email,
        locale,
        dedupeKey: budgetAlertKey({ organizationId, meter: budget.meter, threshold, periodStart: current.start }),
        payload: {
          meter: budget.meter,
          meterName: meters.find((m) => m.eventName === budget.meter)?.name ?? budget.meter,
          thresholdPercent: threshold,
          budget: budget.budget,
          usage,
          periodStart: current.start.toISOString(),
          periodEnd: current.end.toISOString(),
          usageUrl: portalLinks.usage(organizationId),
        },
      });
      if (outcome === 'queued') sent.push({ meter: budget.meter, threshold });
    }
  }
  return sent;
}
