// What an organization may run now: its plan's (or its 30-day pass's) device capacity, what is in use this hour
// and what is left.
// Served by GET /api/v1/limits (the product asks before starting a device), the usage dashboard's capacity gauge
// and the Stripe App summary. Read from our database only (the mirror and accepted events), never from Stripe.
import 'server-only';
import { getOrganizationById } from '@/db/queries/organizations';
import { findActivePass } from '@/db/queries/passes';
import { usageTotal } from '@/db/queries/usage-events';
import { listCapacityPlans } from '@/db/queries/usage-plan';
import { computeUsageLimits, type UsageLimits } from './compute-limits';

export { computeUsageLimits, type UsageLimits } from './compute-limits';

/** The meter whose current-hour sum is the number of devices in use (one device running an hour reports 1). */
export const DEVICE_METER = 'device_hours';

/** `organizationCreatedAt`: when the caller has the organization already (the free year counts from it). */
export async function usageLimitsFor(
  organizationId: string,
  options: { now?: Date; locale?: string; organizationCreatedAt?: Date } = {},
): Promise<UsageLimits> {
  const now = options.now ?? new Date();
  const createdAt = options.organizationCreatedAt ?? (await getOrganizationById({ organizationId }))?.createdAt;
  if (!createdAt) throw new Error(`organization ${organizationId} not found`);
  const hourStart = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const [plans, pass, inUse] = await Promise.all([
    listCapacityPlans({ organizationId, locale: options.locale }),
    findActivePass({ organizationId, now, locale: options.locale }),
    usageTotal({ organizationId, meter: DEVICE_METER, start: hourStart, end: new Date(hourStart.getTime() + 3_600_000) }),
  ]);
  return computeUsageLimits({ plans, pass, organizationCreatedAt: createdAt, inUse, now });
}
