// The usage page's and the limits API's numbers mean what they say, through the SDK against the emulator: usage
// from before a metered plan is no "previous period" of it; device-hours are not devices (half a device-hour is
// one device running); three devices on the one-device free tier are over its limit, said so, and no more may start.
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getLimits } from '@/app/api/v1/limits/route';
import { getOrganizationById } from '@/db/queries/organizations';
import { insertUsageEvents } from '@/db/queries/usage-events';
import { createTestOrganization, createTestUser, setUpBillingCatalog, type TestOrganization } from '@/lib/billing/billing-fixtures.int';
import { finishSubscription } from '@/lib/billing/subscriptions/finish-subscription';
import { startSubscription } from '@/lib/billing/subscriptions/start-subscription';
import type { SeedCatalogResult } from '@/lib/demo/seed-catalog';
import { LOOKUP_KEYS } from '@/lib/demo/catalog';
import { closeTestDb } from '@/test/integration/helpers';
import { loadUsageDashboard } from './dashboard';
import { createApiKey } from './manage-api-keys';

let stripe: Stripe;
let catalog: SeedCatalogResult;
let userId: string;

const HOUR = 3_600_000;
const deviceHours = (identifier: string, value: string, occurredAt: Date) => ({ meter: 'device_hours', value, occurredAt, identifier });

async function limitsOf(org: TestOrganization): Promise<Record<string, unknown>> {
  const { key } = await createApiKey({ organizationId: org.id, userId, name: 'fleet' });
  const response = await getLimits(new Request('http://localhost:3000/api/v1/limits', { headers: { authorization: `Bearer ${key}` } }));
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

async function dashboardOf(org: TestOrganization, now = new Date()) {
  const organization = (await getOrganizationById({ organizationId: org.id }))!;
  return loadUsageDashboard({ organization, locale: 'en', now });
}

beforeAll(async () => {
  ({ stripe, catalog } = await setUpBillingCatalog());
  userId = await createTestUser();
}, 60_000);

afterAll(closeTestDb);

describe('the usage numbers', () => {
  it('shows no previous period in a metered plan’s first period: usage from before it was on the free tier, and is not billed by the plan', async () => {
    const org = await createTestOrganization(userId, 'jpy', { billingEmail: false });
    // Fifteen device-hours on the free tier, before subscribing.
    const subscribing = new Date();
    await insertUsageEvents({ organizationId: org.id, events: [deviceHours('free-15', '15', new Date(subscribing.getTime() - 2 * HOUR))] });
    const before = await dashboardOf(org);
    expect(before.period.billed).toBe(false);

    const started = await startSubscription({ organization: org, priceId: catalog.prices[LOOKUP_KEYS.onDemandDeviceHours], quantity: 1, promotionCodes: [], attempt: crypto.randomUUID() });
    if (started.intent.kind !== 'setup') throw new Error('expected a setup');
    await stripe.setupIntents.confirm(started.intent.clientSecret.split('_secret_')[0]!, { payment_method: 'pm_card_visa' });
    await finishSubscription({ organization: org, subscriptionId: started.subscriptionId, actorUserId: userId });

    const dashboard = await dashboardOf(org);
    expect(dashboard.period.billed).toBe(true);
    expect(dashboard.previous).toBeNull();
    const hours = dashboard.meters.find((m) => m.eventName === 'device_hours')!;
    expect(hours.totals).toEqual({ current: 0, previousToDate: null, previous: null });
    expect(hours.days.every((d) => d.previous === null)).toBe(true);
  });

  it('counts half a device-hour as one device in use on On-demand 10, nine more may start', async () => {
    const org = await createTestOrganization(userId, 'usd', { billingEmail: false });
    const started = await startSubscription({ organization: org, priceId: catalog.prices[LOOKUP_KEYS.onDemandDeviceHours], quantity: 1, promotionCodes: [], attempt: crypto.randomUUID() });
    if (started.intent.kind !== 'setup') throw new Error('expected a setup');
    await stripe.setupIntents.confirm(started.intent.clientSecret.split('_secret_')[0]!, { payment_method: 'pm_card_visa' });
    await finishSubscription({ organization: org, subscriptionId: started.subscriptionId, actorUserId: userId });
    await insertUsageEvents({ organizationId: org.id, events: [deviceHours('dev-1-half', '0.5', new Date())] });

    expect(await limitsOf(org)).toMatchObject({
      plan: { tier: 'on_demand_10' },
      capacity: 10,
      in_use: 0.5,
      devices_in_use: 1,
      remaining: 9,
      over_capacity: false,
      allowed: true,
    });
    const { limits } = await dashboardOf(org);
    expect(limits).toMatchObject({ devicesInUse: 1, remaining: 9 });
  });

  it('says three devices on the free tier are over its limit of one, and lets none start', async () => {
    const org = await createTestOrganization(userId, 'jpy', { billingEmail: false });
    const now = new Date();
    await insertUsageEvents({ organizationId: org.id, events: ['a', 'b', 'c'].map((device) => deviceHours(`dev-${device}`, '1', now)) });
    expect(await limitsOf(org)).toMatchObject({
      plan: { tier: 'free' },
      capacity: 1,
      in_use: 3,
      devices_in_use: 3,
      remaining: 0,
      over_capacity: true,
      allowed: false,
    });
  });
});
