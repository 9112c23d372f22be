// The on-demand plan (metered device-hours, capacity tiers) through the SDK against the emulator: its price reads
// per device-hour in both languages on the pages that show the customer's plan.
import type Stripe from 'stripe';
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';
import { describePlanPrice } from '@/components/portal/plan-price';
import { getCurrentSubscription } from '@/db/queries/subscriptions';
import type { SeedCatalogResult } from '@/lib/demo/seed-catalog';
import { LOOKUP_KEYS } from '@/lib/demo/catalog';
import { closeTestDb } from '@/test/integration/helpers';
import { createTestOrganization, createTestUser, setUpBillingCatalog, type TestOrganization } from '../billing-fixtures.int';
import { finishSubscription } from './finish-subscription';
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
