// The usage period of one organization now: its metered subscription's current period, else the calendar month
// in its time zone, and the period it is compared with (none for a plan's first period) (lib/usage/period.ts).
// Read from the mirror.
import { listLiveSubscriptions, type SubscriptionView } from '@/db/queries/subscriptions';
import { comparedPeriod, currentUsagePeriod, type Period } from './period';
import { projectedSubscriptionOf } from './projected-invoice';

export type UsagePeriods = {
  current: Period & { billed: boolean };
  /** The period before, to compare with; null in a metered plan's first period (comparedPeriod). */
  previous: Period | null;
  currency: string | null;
};

/** `liveSubscriptions`: the organization's subscriptions that are not over, when the caller has read them already. */
export async function usagePeriodsFor(organization: { id: string; timeZone: string }, now: Date, liveSubscriptions?: SubscriptionView[]): Promise<UsagePeriods> {
  const subscription = projectedSubscriptionOf(liveSubscriptions ?? (await listLiveSubscriptions({ organizationId: organization.id })));
  const metered = subscription?.items.some((i) => i.usageType === 'metered') ?? false;
  const subscriptionPeriod =
    metered && subscription?.currentPeriodStart && subscription.currentPeriodEnd
      ? { start: subscription.currentPeriodStart, end: subscription.currentPeriodEnd }
      : null;
  const current = currentUsagePeriod({ now, timeZone: organization.timeZone, subscriptionPeriod });
  const previous = comparedPeriod(current, organization.timeZone, subscriptionPeriod ? (subscription?.created ?? null) : null);
  return { current, previous, currency: subscription?.currency ?? null };
}
