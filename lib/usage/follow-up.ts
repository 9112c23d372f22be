// What follows accepted or reported usage and subscription changes: the projected invoice is refreshed from
// Stripe's preview and the budgets are checked. `requestUsageFollowUp` records the request in the projection row
// first (the commitment) and then nudges the runner; the minutely sweep runs requests whose job was lost, and an
// hourly pass asks again for every organization billed on usage (usage reaches Stripe per hour window).
import { enqueueJob } from '@/lib/jobs';
import {
  listBudgetedOrganizationsWithUsageSinceForOperator,
  listDueInvoiceProjectionsForOperator,
  listUsageFollowUpOrganizationsForOperator,
  requestInvoiceProjectionRefresh,
} from '@/db/queries/usage-dashboard';
import { checkBudgetAlerts } from './budget-alerts';
import { refreshInvoiceProjection } from './projected-invoice';

/** Call after usage is accepted or reported, or the subscription changed. Cheap; safe to call often. */
export async function requestUsageFollowUp(organizationId: string): Promise<void> {
  await requestInvoiceProjectionRefresh({ organizationId });
  // One queued job per organization at a time: a burst of reports refreshes once.
  await enqueueJob('usage.follow-up', { organizationId }, { singletonKey: organizationId });
}

/** The follow-up of one organization: budgets first (they need no Stripe call), then the projection. */
export async function runUsageFollowUp(organizationId: string): Promise<void> {
  await checkBudgetAlerts(organizationId);
  await refreshInvoiceProjection(organizationId);
}

/**
 * Every minute: budgets of organizations that accepted usage in the last two minutes (the overlap covers a late
 * cron; the check is idempotent), with no Stripe call; then follow-ups asked for over a minute ago and not done
 * (their job was lost or failed).
 */
export async function sweepUsageFollowUps(now: Date = new Date()): Promise<number> {
  for (const organizationId of await listBudgetedOrganizationsWithUsageSinceForOperator({ since: new Date(now.getTime() - 120_000) })) {
    try {
      await checkBudgetAlerts(organizationId, now);
    } catch (error) {
      console.error(`[usage] budget check of ${organizationId} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const due = await listDueInvoiceProjectionsForOperator({ requestedBefore: new Date(now.getTime() - 60_000) });
  for (const organizationId of due) {
    try {
      await runUsageFollowUp(organizationId);
    } catch (error) {
      console.error(`[usage] follow-up of ${organizationId} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return due.length;
}

/** Asks for a follow-up of every organization billed on usage or with a budget. */
export async function requestHourlyUsageFollowUps(): Promise<number> {
  const organizations = await listUsageFollowUpOrganizationsForOperator();
  for (const organizationId of organizations) await requestUsageFollowUp(organizationId);
  return organizations.length;
}
