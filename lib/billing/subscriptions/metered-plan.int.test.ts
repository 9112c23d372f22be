// The on-demand plan (metered device-hours, capacity tiers) through the SDK against the emulator: its price reads
// per device-hour in both languages on the pages that show the customer's plan; the customer changes capacity tier
// with a preview first (nothing to prorate, nothing charged) and the new capacity applies at once; a price that is
// no tier of the plan is refused and changes nothing.
import type Stripe from 'stripe';
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';
import { describePlanPrice } from '@/components/portal/plan-price';
import { findSubscriptionForOrganization, getCurrentSubscription } from '@/db/queries/subscriptions';
import type { SeedCatalogResult } from '@/lib/demo/seed-catalog';
import { LOOKUP_KEYS } from '@/lib/demo/catalog';
import { usageLimitsFor } from '@/lib/usage/limits';
import { closeTestDb } from '@/test/integration/helpers';
import { createTestOrganization, createTestUser, expectRefused, setUpBillingCatalog, type TestOrganization } from '../billing-fixtures.int';
import { finishSubscription } from './finish-subscription';
import { applyPlanChange, previewPlanChange } from './plan-change';
import { startSubscription } from './start-subscription';

let stripe: Stripe;
let catalog: SeedCatalogResult;
let userId: string;

/** An organization on an on-demand tier: no charge up front, the card collected with a SetupIntent. */
async function onDemandOrganization(currency: 'jpy' | 'usd', lookupKey: string = LOOKUP_KEYS.onDemandDeviceHours): Promise<{ org: TestOrganization; subscriptionId: string }> {
  const org = await createTestOrganization(userId, currency, { billingEmail: false });
  const started = await startSubscription({ organization: org, priceId: catalog.prices[lookupKey as keyof typeof catalog.prices], quantity: 1, promotionCodes: [], attempt: crypto.randomUUID() });
  if (started.intent.kind !== 'setup') throw new Error('expected a setup');
  await stripe.setupIntents.confirm(started.intent.clientSecret.split('_secret_')[0]!, { payment_method: 'pm_card_visa' });
  await finishSubscription({ organization: org, subscriptionId: started.subscriptionId, actorUserId: userId });
  return { org, subscriptionId: started.subscriptionId };
}

function planPrice(locale: 'en' | 'ja', item: Parameters<typeof describePlanPrice>[0], currency: string): string {
  const messages = locale === 'en' ? en : ja;
  const t = createTranslator({ locale, messages, namespace: 'overview' });
  const tInterval = createTranslator({ locale, messages, namespace: 'interval' });
  return describePlanPrice(item, currency, locale, t as never, tInterval as never);
}

beforeAll(async () => {
  ({ stripe, catalog } = await setUpBillingCatalog());
  userId = await createTestUser();
}, 60_000);

afterAll(closeTestDb);

describe('the on-demand plan as the customer reads it', () => {
  it('reads per device-hour from the mirror in English and Japanese, not as a monthly fee', async () => {
    const { org } = await onDemandOrganization('usd');
    for (const [locale, expected] of [
      ['en', '$0.15 per device-hour'],
      ['ja', '1デバイス時間あたり $0.15'],
    ] as const) {
      const subscription = await getCurrentSubscription({ organizationId: org.id, locale });
      const [item] = subscription!.items;
      expect(item).toMatchObject({ usageType: 'metered', unitAmount: 15 });
      expect(planPrice(locale, item!, subscription!.currency)).toBe(expected);
    }
  });
});

describe('changing capacity tier', () => {
  it('previews On-demand 10 → 20 devices with nothing to prorate, applies it without an invoice, and the capacity follows', async () => {
    const { org, subscriptionId } = await onDemandOrganization('jpy');
    const invoicesBefore = (await stripe.invoices.list({ customer: org.stripeCustomerId, limit: 100 })).data.length;
    expect(await usageLimitsFor(org.id)).toMatchObject({ plan: { tier: 'on_demand_10' }, capacity: 10 });

    const to20 = catalog.prices[LOOKUP_KEYS.onDemand20DeviceHours];
    const preview = await previewPlanChange({ organization: org, subscriptionId, priceId: to20, quantity: 1, locale: 'en' });
    expect(preview.nothingToProrate).toBe(true);
    expect(preview.now).toMatchObject({ lines: [], total: 0, amountDue: 0 });

    const applied = await applyPlanChange({ organization: org, token: preview.token, actorUserId: userId });
    // No invoice was made by the change: the one before it (the plan's first) is not named as if it were.
    expect(applied).toEqual({ invoiceId: null, amountPaid: null });
    expect((await stripe.invoices.list({ customer: org.stripeCustomerId, limit: 100 })).data).toHaveLength(invoicesBefore);
    const mirrored = await findSubscriptionForOrganization({ organizationId: org.id, subscriptionId });
    expect(mirrored?.items).toEqual([expect.objectContaining({ priceId: to20, usageType: 'metered', quantity: null })]);
    expect((await stripe.subscriptions.retrieve(subscriptionId)).items.data.map((i) => i.price.id)).toEqual([to20]);
    // The new capacity at once, from the mirror.
    expect(await usageLimitsFor(org.id)).toMatchObject({ plan: { tier: 'on_demand_20', priceLookupKey: LOOKUP_KEYS.onDemand20DeviceHours }, capacity: 20 });

    // And back down, the same way.
    const back = await previewPlanChange({ organization: org, subscriptionId, priceId: catalog.prices[LOOKUP_KEYS.onDemandDeviceHours], quantity: 1, locale: 'ja' });
    expect(back.nothingToProrate).toBe(true);
    await applyPlanChange({ organization: org, token: back.token, actorUserId: userId });
    expect(await usageLimitsFor(org.id)).toMatchObject({ capacity: 10 });
  });

  it('refuses a usage price of another meter, a quantity on a metered tier, and a metered tier for a licensed plan, changing nothing', async () => {
    const { org, subscriptionId } = await onDemandOrganization('jpy');
    await expectRefused(
      () => previewPlanChange({ organization: org, subscriptionId, priceId: catalog.prices[LOOKUP_KEYS.diagnosisRequest], quantity: 1, locale: 'en' }),
      'price_not_subscribable',
    );
    await expectRefused(
      () => previewPlanChange({ organization: org, subscriptionId, priceId: catalog.prices[LOOKUP_KEYS.onDemand20DeviceHours], quantity: 3, locale: 'en' }),
      'quantity_not_allowed',
    );
    expect((await stripe.subscriptions.retrieve(subscriptionId)).items.data.map((i) => i.price.id)).toEqual([catalog.prices[LOOKUP_KEYS.onDemandDeviceHours]]);

    // A Starter customer is offered no capacity tier: the server refuses one too.
    const starterOrg = await createTestOrganization(userId, 'jpy', { billingEmail: false });
    const started = await startSubscription({ organization: starterOrg, priceId: catalog.prices[LOOKUP_KEYS.starterMonthly], quantity: 1, promotionCodes: [], attempt: crypto.randomUUID() });
    if (started.intent.kind !== 'payment') throw new Error('expected a payment');
    await stripe.paymentIntents.confirm(started.intent.clientSecret.split('_secret_')[0]!, { payment_method: 'pm_card_visa' });
    await finishSubscription({ organization: starterOrg, subscriptionId: started.subscriptionId, actorUserId: userId });
    await expectRefused(
      () => previewPlanChange({ organization: starterOrg, subscriptionId: started.subscriptionId, priceId: catalog.prices[LOOKUP_KEYS.onDemand20DeviceHours], quantity: 1, locale: 'en' }),
      'price_not_subscribable',
    );
  });
});
