// The capacity rules, pure: a paid plan's `seikyu_device_limit` applies as long as the plan runs, and a 30-day
// pass's (its product's `seikyu_device_limit`) until the pass ends, the larger of the two when there are both;
// without either the organization is on the free tier, one device for a year from sign-up, and nothing once that
// year is over (usage over the free limit is refused, never silently billed).
import type { CapacityPlan } from '@/db/queries/usage-plan';

export type UsageLimits = {
  plan: { productName: string; tier: string | null; priceLookupKey: string | null } | null;
  /** Concurrent devices allowed; null for no limit. */
  capacity: number | null;
  /** Device-hours reported for the current clock hour (what the meter holds; not a count of devices). */
  inUse: number;
  /**
   * The devices running this hour, in whole devices: the hour's device-hours rounded up. A device that runs a whole
   * hour reports 1 for it (the usage API's convention); one that runs part of the hour reports less and still
   * holds its place for the hour.
   */
  devicesInUse: number;
  /** capacity − devicesInUse in whole devices, never below 0; null for no limit. */
  remaining: number | null;
  /**
   * More devices ran this hour than the capacity allows. Usage that happened is recorded, never refused; nothing
   * more may start (`allowed` is false).
   */
  overCapacity: boolean;
  /** When the free year ends (organizations without a paid plan); null on a paid plan. */
  freeTierEndsAt: Date | null;
  /** Until when the organization's 30-day pass runs; null without a valid pass. */
  passValidUntil: Date | null;
  /** Whether one more device may start now. */
  allowed: boolean;
};

export const FREE_TIER_DEVICES = 1;

/** Whole devices for an hour's device-hours: rounded up (a part of an hour is a device), ignoring float noise. */
export function devicesFor(deviceHours: number): number {
  if (!Number.isFinite(deviceHours) || deviceHours <= 0) return 0;
  return Math.ceil(deviceHours - 1e-9);
}

/** The free year: the same date one year after sign-up (29 February signs up until 1 March). */
export function freeTierEnd(organizationCreatedAt: Date): Date {
  const end = new Date(organizationCreatedAt);
  end.setUTCFullYear(end.getUTCFullYear() + 1);
  return end;
}

/** A pass as the limits read it: until when it runs and the capacity its product gives (null: none). */
export type CapacityPass = { validUntil: Date; capacity: CapacityPlan | null };

/** More devices at once (no limit is the most); `a` on a tie. */
function larger(a: CapacityPlan | null, b: CapacityPlan | null): CapacityPlan | null {
  if (!a || !b) return a ?? b;
  if (a.deviceLimit === null) return a;
  if (b.deviceLimit === null) return b;
  return b.deviceLimit > a.deviceLimit ? b : a;
}

export function computeUsageLimits(input: {
  plans: readonly CapacityPlan[];
  pass?: CapacityPass | null;
  organizationCreatedAt: Date;
  inUse: number;
  now: Date;
}): UsageLimits {
  const paid = input.plans.find((p) => p.tier !== 'free') ?? null;
  const free = input.plans.find((p) => p.tier === 'free');
  const pass = input.pass && input.now < input.pass.validUntil ? input.pass : null;
  // A pass gives its capacity beside the free tier, or beside a paid plan when it gives more.
  const paying = larger(paid, pass?.capacity ?? null);
  const chosen = paying ?? free ?? null;
  const plan = chosen ? { productName: chosen.productName, tier: chosen.tier, priceLookupKey: chosen.priceLookupKey } : null;

  // The free year is told while there is no paid plan, a pass or not: it is what follows the pass.
  const freeTierEndsAt = paid ? null : freeTierEnd(input.organizationCreatedAt);
  const freeCapacity = freeTierEndsAt && input.now < freeTierEndsAt ? (free?.deviceLimit ?? FREE_TIER_DEVICES) : 0;
  const capacity = paying ? paying.deviceLimit : freeCapacity;
  const devicesInUse = devicesFor(input.inUse);
  const remaining = capacity === null ? null : Math.max(0, capacity - devicesInUse);
  return {
    plan,
    capacity,
    inUse: input.inUse,
    devicesInUse,
    remaining,
    overCapacity: capacity !== null && devicesInUse > capacity,
    freeTierEndsAt,
    passValidUntil: pass?.validUntil ?? null,
    allowed: remaining === null || remaining > 0,
  };
}
