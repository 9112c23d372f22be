// Usage this period per meter, for the Stripe App's summary.
// NOT YET WIRED: the usage events store (`usage_events`, `usageTotal` in db/queries/usage-events.ts, issue 11) is
// being built on another branch. Until it is merged this answers an empty list, which the app shows as
// "no usage recorded"; the summary's `usage` field keeps its shape either way.
import type { SubscriptionView } from '@/db/queries/subscriptions';

export type MeterUsage = { meter: string; total: number; periodStart: Date; periodEnd: Date };

export async function usageThisPeriodPendingUsageStore(_params: { organizationId: string; subscription: SubscriptionView | null }): Promise<MeterUsage[]> {
  return [];
}
