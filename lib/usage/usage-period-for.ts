// The usage period of one organization now: its metered subscription's current period, else the calendar month
// in its time zone (lib/usage/period.ts). Read from the mirror.
import { listLiveSubscriptions, type SubscriptionView } from '@/db/queries/subscriptions';
import { currentUsagePeriod, previousUsagePeriod, type Period } from './period';
import { projectedSubscriptionOf } from './projected-invoice';

export type UsagePeriods = { current: Period & { billed: boolean }; previous: Period; currency: string | null };

/** `liveSubscriptions`: the organization's subscriptions that are not over, when the caller has read them already. */
export async function usagePeriodsFor(organization: { id: string; timeZone: string }, now: Date, liveSubscriptions?: SubscriptionView[]): Promise<UsagePeriods> {
  const subscription = projectedSubscriptionOf(liveSubscriptions ?? (await listLiveSubscriptions({ organizationId: organization.id })));
  const metered = subscription?.items.some((i) => i.usageType === 'metered') ?? false;
  const subscriptionPeriod =
    metered && subscription?.currentPeriodStart && subscription.currentPeriodEnd
      ? { start: subscription.currentPeriodStart, end: subscription.currentPeriodEnd }
      : null;
  const current = currentUsagePeriod({ now, timeZone: organization.timeZone, subscriptionPeriod });
  return { current, previous: previousUsagePeriod(current, organization.timeZone), currency: subscription?.currency ?? null };
}
