// The capacity rules, pure: a paid plan's `seikyu_device_limit` applies as long as the plan runs; without one the
// organization is on the free tier, one device for a year from sign-up, and nothing once that year is over
// (usage over the free limit is refused, never silently billed).
import type { CapacityPlan } from '@/db/queries/usage-plan';

export type UsageLimits = {
  plan: { productName: string; tier: string | null; priceLookupKey: string | null } | null;
  /** Concurrent devices allowed; null for no limit. */
  capacity: number | null;
  /** Device-hours reported for the current clock hour: the devices running now. */
  inUse: number;
  /** capacity − inUse, never below 0; null for no limit. */
  remaining: number | null;
  /** When the free year ends (organizations without a paid plan); null on a paid plan. */
  freeTierEndsAt: Date | null;
  /** Whether one more device may start now. */
  allowed: boolean;
};

export const FREE_TIER_DEVICES = 1;

/** The free year: the same date one year after sign-up (29 February signs up until 1 March). */
export function freeTierEnd(organizationCreatedAt: Date): Date {
  const end = new Date(organizationCreatedAt);
  end.setUTCFullYear(end.getUTCFullYear() + 1);
  return end;
}

export function computeUsageLimits(input: { plans: readonly CapacityPlan[]; organizationCreatedAt: Date; inUse: number; now: Date }): UsageLimits {
  const paid = input.plans.find((p) => p.tier !== 'free');
  const free = input.plans.find((p) => p.tier === 'free');
  const chosen = paid ?? free ?? null;
  const plan = chosen ? { productName: chosen.productName, tier: chosen.tier, priceLookupKey: chosen.priceLookupKey } : null;

  let capacity: number | null;
  let freeTierEndsAt: Date | null = null;
  if (paid) {
    capacity = paid.deviceLimit;
  } else {
    freeTierEndsAt = freeTierEnd(input.organizationCreatedAt);
    capacity = input.now < freeTierEndsAt ? (free?.deviceLimit ?? FREE_TIER_DEVICES) : 0;
  }
  const remaining = capacity === null ? null : Math.max(0, capacity - input.inUse);
  return { plan, capacity, inUse: input.inUse, remaining, freeTierEndsAt, allowed: remaining === null || remaining > 0 };
}
