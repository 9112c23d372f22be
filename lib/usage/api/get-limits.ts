// GET /api/v1/limits: the organization's plan, capacity and what is left, so the product can refuse to start a
// device over capacity. Read from our database only. A contract (lib/usage/openapi.ts): fields are only added.
// A valid 30-day pass is the plan when it gives more than the paid plan, with `pass_valid_until` saying until when.
import 'server-only';
import { usageLimitsFor } from '../limits';
import { authorizeUsageRequest } from './responses';

export async function handleGetLimits(request: Request): Promise<Response> {
  const authorized = await authorizeUsageRequest(request);
  if (!authorized.ok) return authorized.response;
  const limits = await usageLimitsFor(authorized.identity.organizationId);
  return Response.json(
    {
      plan: limits.plan ? { product_name: limits.plan.productName, tier: limits.plan.tier, price_lookup_key: limits.plan.priceLookupKey } : null,
      capacity: limits.capacity,
      in_use: limits.inUse,
      remaining: limits.remaining,
      free_tier_ends_at: limits.freeTierEndsAt ? Math.floor(limits.freeTierEndsAt.getTime() / 1000) : null,
      allowed: limits.allowed,
      pass_valid_until: limits.passValidUntil ? Math.floor(limits.passValidUntil.getTime() / 1000) : null,
      devices_in_use: limits.devicesInUse,
      over_capacity: limits.overCapacity,
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
