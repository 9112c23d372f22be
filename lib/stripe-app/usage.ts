// Usage this period per meter, for the Stripe App's summary: every meter in the catalogue with the organization's
// accepted usage events in the current subscription period [start, end) (zero included, so support sees that
// nothing was used). Without a current period (no plan) there is no "this period": an empty list.
import 'server-only';
import type { SubscriptionView } from '@/db/queries/subscriptions';
import { usageTotal } from '@/db/queries/usage-events';
import { knownMeters } from '@/lib/usage/known-meters';

export type MeterUsage = { meter: string; total: number; periodStart: Date; periodEnd: Date };

export async function usageThisPeriod(params: { organizationId: string; subscription: SubscriptionView | null }): Promise<MeterUsage[]> {
  const start = params.subscription?.currentPeriodStart;
  const end = params.subscription?.currentPeriodEnd;
  if (!start || !end) return [];
  const meters = [...(await knownMeters())].sort();
  return Promise.all(
    meters.map(async (meter) => ({ meter, total: await usageTotal({ organizationId: params.organizationId, meter, start, end }), periodStart: start, periodEnd: end })),
  );
}
