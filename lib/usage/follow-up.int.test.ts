// The usage follow-up against the emulator and a real database: the projected invoice is kept in the mirror from
// Stripe's preview (refreshed when usage is reported or the subscription changes, through the webhook path), and a
// budget threshold emails once per period however often it is checked.
import { and, eq, like } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUsageEvents } from '@/db/queries/usage-events';
import { describeLine } from '@/lib/billing/invoices/line-description';
import { getInvoiceProjection, listDueInvoiceProjectionsForOperator } from '@/db/queries/usage-dashboard';
import { auditLog, notifications } from '@/db/schema';
import { createTestOrganization, createTestUser, setUpBillingCatalog, type TestOrganization } from '@/lib/billing/billing-fixtures.int';
import type { SeedCatalogResult } from '@/lib/demo/seed-catalog';
import { LOOKUP_KEYS } from '@/lib/demo/catalog';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { handleSubscriptionEvent } from '@/lib/webhooks/handlers/subscription';
import { closeTestDb, testDb, uniqueSuffix } from '@/test/integration/helpers';
import { checkBudgetAlerts } from './budget-alerts';
import { setUsageBudget } from './budgets';
import { requestUsageFollowUp, runUsageFollowUp, sweepUsageFollowUps } from './follow-up';

let stripe: Stripe;
let catalog: SeedCatalogResult;
let userId: string;

beforeAll(async () => {
  ({ stripe, catalog } = await setUpBillingCatalog());
  userId = await createTestUser();
}, 120_000);
afterAll(closeTestDb);

/** An organization on the on-demand plan (10 devices, ¥20 per device-hour), billed by bank transfer. */
async function onDemandOrganization(): Promise<TestOrganization & { subscription: Stripe.Subscription }> {
  const org = await createTestOrganization(userId, 'jpy');
  const subscription = await stripe.subscriptions.create({
    customer: org.stripeCustomerId,
    items: [{ price: catalog.prices[LOOKUP_KEYS.onDemandDeviceHours] }],
    collection_method: 'send_invoice',
    days_until_due: 14,
    metadata: { organization_id: org.id },
  });
  await syncStripeCustomer(org.stripeCustomerId);
  return { ...org, subscription };
}

async function reportDeviceHours(customerId: string, value: number): Promise<void> {
  await stripe.billing.meterEvents.create({ event_name: 'device_hours', payload: { stripe_customer_id: customerId, value: String(value) }, identifier: `t-${uniqueSuffix()}` });
}

describe('the projected invoice', () => {
  it('is kept from the preview after usage is reported, refreshed again on the next report, never before one is asked', async () => {
    const org = await onDemandOrganization();
    expect(await getInvoiceProjection({ organizationId: org.id })).toBeNull();

    await reportDeviceHours(org.stripeCustomerId, 12);
    await requestUsageFollowUp(org.id);
    // Asked for, not yet done: the sweep would find it (no runner in tests, so the job itself is not sent).
    expect((await getInvoiceProjection({ organizationId: org.id }))?.refreshedAt).toBeNull();
    expect(await listDueInvoiceProjectionsForOperator({ requestedBefore: new Date(Date.now() + 1000) })).toContain(org.id);

    await runUsageFollowUp(org.id);
    let projection = await getInvoiceProjection({ organizationId: org.id });
    expect(projection).toMatchObject({ subscriptionId: org.subscription.id, currency: 'jpy', total: 240, lastError: null });
    expect(projection!.lines).toEqual([expect.objectContaining({ amount: 240, quantity: 12, meter: 'device_hours', origin: 'subscription' })]);
    // Stripe's English line ("12 × On-demand 10 devices (at …)"), described from the catalogue texts kept with it.
    const [line] = projection!.lines;
    expect(line!.catalog).toMatchObject({ productName: 'On-demand 10 devices', priceMetadata: { nickname_ja: 'オンデマンド 10台（1デバイス時間あたり）' } });
    const text = (locale: string) =>
      describeLine({ ...line!, periodStart: null, origin: line!.origin!, catalog: line!.catalog ?? null }, locale, String, { withQuantity: true });
    expect(text('ja')).toBe('オンデマンド 10台（1デバイス時間あたり） × 12');
    expect(text('en')).toBe('On-demand 10 devices (per device-hour) × 12');
    expect(line!.description).toMatch(/^12 × On-demand 10 devices/);
    expect(await listDueInvoiceProjectionsForOperator({ requestedBefore: new Date(Date.now() + 1000) })).not.toContain(org.id);

    await reportDeviceHours(org.stripeCustomerId, 8);
    await requestUsageFollowUp(org.id);
    await runUsageFollowUp(org.id);
    projection = await getInvoiceProjection({ organizationId: org.id });
    expect(projection).toMatchObject({ total: 400 });
  });

  it('is due again when a subscription change arrives through the webhook path', async () => {
    const org = await onDemandOrganization();
    await runUsageFollowUp(org.id);
    expect(await listDueInvoiceProjectionsForOperator({ requestedBefore: new Date(Date.now() + 1000) })).not.toContain(org.id);
    const event = { id: `evt_${uniqueSuffix()}`, type: 'customer.subscription.updated', data: { object: org.subscription } } as unknown as Stripe.Event;
    await handleSubscriptionEvent(event, { stripe } as never);
    expect(await listDueInvoiceProjectionsForOperator({ requestedBefore: new Date(Date.now() + 1000) })).toContain(org.id);
  });

  it('says nothing is billed for an organization on the free tier, without asking Stripe', async () => {
    const org = await createTestOrganization(userId, 'jpy');
    await runUsageFollowUp(org.id);
    expect(await getInvoiceProjection({ organizationId: org.id })).toMatchObject({ subscriptionId: null, total: null, lines: [] });
  });
});

describe('budget alerts', () => {
  it('email each threshold once per period, and again in the next period', async () => {
    // On the free tier: periods are calendar months in the organization's zone (UTC here).
    const org = await createTestOrganization(userId, 'usd');
    const events = (month: string, values: number[]) =>
      insertUsageEvents({
        organizationId: org.id,
        events: values.map((value, i) => ({ meter: 'device_hours', value: String(value), occurredAt: new Date(`${month}-0${i + 1}T10:00:00Z`), identifier: `${month}-${i}-${uniqueSuffix()}` })),
      });
    const november = new Date('2026-11-20T00:00:00Z');
    const alerts = () =>
      testDb()
        .select()
        .from(notifications)
        .where(and(eq(notifications.organizationId, org.id), eq(notifications.kind, 'usage_budget_crossed')));

    await setUsageBudget({ organizationId: org.id, meter: 'device_hours', budget: 100, thresholds: [80, 100], actor: { type: 'user', id: userId } });
    await events('2026-11', [50, 35]);
    expect(await checkBudgetAlerts(org.id, november)).toEqual([{ meter: 'device_hours', threshold: 80 }]);
    expect(await checkBudgetAlerts(org.id, november)).toEqual([]);
    await events('2026-11', [10]);
    expect(await checkBudgetAlerts(org.id, november)).toEqual([]);
    await events('2026-11', [5]);
    expect(await checkBudgetAlerts(org.id, november)).toEqual([{ meter: 'device_hours', threshold: 100 }]);

    // December starts a new period: 90 device-hours cross 80 % again, once.
    await events('2026-12', [90]);
    const december = new Date('2026-12-15T00:00:00Z');
    expect(await checkBudgetAlerts(org.id, december)).toEqual([{ meter: 'device_hours', threshold: 80 }]);
    expect(await checkBudgetAlerts(org.id, december)).toEqual([]);

    const rows = await alerts();
    expect(rows.map((r) => r.dedupeKey).sort()).toEqual([
      `usage_budget:${org.id}:device_hours:100:2026-11-01T00:00:00.000Z`,
      `usage_budget:${org.id}:device_hours:80:2026-11-01T00:00:00.000Z`,
      `usage_budget:${org.id}:device_hours:80:2026-12-01T00:00:00.000Z`,
    ]);
    expect(rows.find((r) => r.dedupeKey.endsWith(':100:2026-11-01T00:00:00.000Z'))!.payload).toMatchObject({ usage: 100, budget: 100, meterName: 'Device hours' });
  });

  it('are settings changes in the audit log with before and after, and refuse a meter outside the catalogue', async () => {
    const org = await createTestOrganization(userId, 'jpy');
    const actor = { type: 'user' as const, id: userId };
    await setUsageBudget({ organizationId: org.id, meter: 'diagnosis_requests', budget: 50, thresholds: [80], actor });
    await setUsageBudget({ organizationId: org.id, meter: 'diagnosis_requests', budget: 60, thresholds: [80, 100], actor });
    await expect(setUsageBudget({ organizationId: org.id, meter: 'not_a_meter', budget: 1, thresholds: [80], actor })).rejects.toMatchObject({ reason: 'unknown_meter' });
    const entries = await testDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, org.id), like(auditLog.action, 'usage.%')))
      .orderBy(auditLog.id);
    expect(entries.map((e) => e.data)).toEqual([
      { before: null, after: { budget: 50, thresholds: [80] } },
      { before: { budget: 50, thresholds: [80] }, after: { budget: 60, thresholds: [80, 100] } },
    ]);
  });

  it('are checked by the minutely sweep for organizations that just accepted usage, before any report to Stripe', async () => {
    const org = await createTestOrganization(userId, 'jpy');
    await setUsageBudget({ organizationId: org.id, meter: 'diagnosis_requests', budget: 10, thresholds: [50], actor: { type: 'user', id: userId } });
    await insertUsageEvents({
      organizationId: org.id,
      events: [{ meter: 'diagnosis_requests', value: '6', occurredAt: new Date(), identifier: `dx-${uniqueSuffix()}` }],
    });
    await sweepUsageFollowUps();
    const rows = await testDb()
      .select()
      .from(notifications)
      .where(and(eq(notifications.organizationId, org.id), eq(notifications.kind, 'usage_budget_crossed')));
    expect(rows.map((r) => (r.payload as { thresholdPercent: number }).thresholdPercent)).toEqual([50]);
  });
});
