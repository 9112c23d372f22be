// Plan change with a preview first, through the SDK against the emulator: the amount charged equals the preview
// (same proration date), a changed or foreign token changes nothing, another organization's subscription is
// not found.
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSubscriptionForOrganization } from '@/db/queries/subscriptions';
import type { SeedCatalogResult } from '@/lib/demo/seed-catalog';
import { LOOKUP_KEYS } from '@/lib/demo/catalog';
import { AppError } from '@/lib/errors';
import { isBillingInputError } from './billing-input-error';
import { closeTestDb } from '@/test/integration/helpers';
import { createTestOrganization, createTestUser, expectRefused, setUpBillingCatalog, type TestOrganization } from '../billing-fixtures.int';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import {  } from './billing-input-error';
import { finishSubscription } from './finish-subscription';
import { applyPlanChange, previewPlanChange } from './plan-change';
import { startSubscription } from './start-subscription';

let stripe: Stripe;
let catalog: SeedCatalogResult;
let userId: string;

async function subscribedOrganization(lookupKey: string, quantity = 1): Promise<{ org: TestOrganization; subscriptionId: string }> {
  const org = await createTestOrganization(userId, 'jpy', { billingEmail: false });
  const started = await startSubscription({ organization: org, priceId: catalog.prices[lookupKey as keyof typeof catalog.prices], quantity, promotionCodes: [], attempt: crypto.randomUUID() });
  if (started.intent.kind !== 'payment') throw new Error('expected a payment');
  await stripe.paymentIntents.confirm(started.intent.clientSecret.split('_secret_')[0]!, { payment_method: 'pm_card_visa' });
  await finishSubscription({ organization: org, subscriptionId: started.subscriptionId, actorUserId: userId });
  return { org, subscriptionId: started.subscriptionId };
}

beforeAll(async () => {
  ({ stripe, catalog } = await setUpBillingCatalog());
  userId = await createTestUser();
}, 60_000);

afterAll(closeTestDb);

describe('change plan with a preview', () => {
  it('upgrades Starter to 3 Team seats and charges exactly the previewed amount', async () => {
    const { org, subscriptionId } = await subscribedOrganization(LOOKUP_KEYS.starterMonthly);
    const preview = await previewPlanChange({ organization: org, subscriptionId, priceId: catalog.prices[LOOKUP_KEYS.teamMonthly], quantity: 3, locale: 'en' });
    expect(preview.currency).toBe('jpy');
    // Credit for unused Starter time and the charge for Team × 3 for the rest of the period.
    expect(preview.now.lines.some((l) => l.amount < 0)).toBe(true);
    expect(preview.now.lines.some((l) => l.amount > 0)).toBe(true);
    expect(preview.now.amountDue).toBeGreaterThan(0);
    expect(preview.next.total).toBe(3600);
    // Stripe writes these lines in English ("Remaining time on 3 × Team after …"); readers get them from the
    // catalogue's names in their language, with the date as the page writes dates.
    expect(preview.now.lines.map((l) => l.description)).toEqual([
      expect.stringMatching(/^Unused time on Starter \(monthly\) from [A-Z][a-z]{2} \d{1,2}, \d{4}$/),
      expect.stringMatching(/^Remaining time on Team \(monthly, per seat\) × 3 from [A-Z][a-z]{2} \d{1,2}, \d{4}$/),
    ]);
    const japanese = await previewPlanChange({ organization: org, subscriptionId, priceId: catalog.prices[LOOKUP_KEYS.teamMonthly], quantity: 3, locale: 'ja' });
    expect(japanese.now.lines.map((l) => l.description)).toEqual([
      expect.stringMatching(/^未使用分（\d{4}\/\d{2}\/\d{2}以降）：スターター（月払い）$/),
      expect.stringMatching(/^残り期間分（\d{4}\/\d{2}\/\d{2}以降）：チーム（月払い、1席あたり） × 3$/),
    ]);
    expect(japanese.next.lines.map((l) => l.description)).toEqual(['チーム（月払い、1席あたり） × 3']);

    const applied = await applyPlanChange({ organization: org, token: preview.token, actorUserId: userId });
    expect(applied.amountPaid).toBe(preview.now.amountDue);
    const invoice = await stripe.invoices.retrieve(applied.invoiceId!);
    expect(invoice.status).toBe('paid');
    expect(invoice.amount_paid).toBe(preview.now.amountDue);
    const mirrored = await findSubscriptionForOrganization({ organizationId: org.id, subscriptionId });
    expect(mirrored?.items).toEqual([expect.objectContaining({ priceId: catalog.prices[LOOKUP_KEYS.teamMonthly], quantity: 3 })]);

    // The same confirmation twice changes nothing more (one idempotency key per preview).
    const again = await applyPlanChange({ organization: org, token: preview.token, actorUserId: userId });
    expect(again.invoiceId).toBe(applied.invoiceId);
  });

  it('changes the plan beside an add-on listed first (a subscription from a quote), keeping the add-on and its interval', async () => {
    const org = await createTestOrganization(userId, 'jpy', { billingEmail: false });
    const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: org.stripeCustomerId });
    await stripe.customers.update(org.stripeCustomerId, { invoice_settings: { default_payment_method: card.id } });
    const backup = catalog.prices[LOOKUP_KEYS.backupDeviceMonthly];
    const created = await stripe.subscriptions.create({
      customer: org.stripeCustomerId,
      items: [
        { price: backup, quantity: 2 },
        { price: catalog.prices[LOOKUP_KEYS.teamMonthly], quantity: 3 },
      ],
    });
    await syncStripeCustomer(org.stripeCustomerId, undefined, { stripe });

    // A yearly plan cannot sit beside the monthly add-on: refused with a sentence, nothing previewed.
    await expectRefused(
      () => previewPlanChange({ organization: org, subscriptionId: created.id, priceId: catalog.prices[LOOKUP_KEYS.starterAnnual], quantity: 1, locale: 'en' }),
      'interval_mismatch',
    );
    // Team × 3 becomes Starter; the backup add-on stays as it was.
    const preview = await previewPlanChange({ organization: org, subscriptionId: created.id, priceId: catalog.prices[LOOKUP_KEYS.starterMonthly], quantity: 1, locale: 'en' });
    expect(preview.next.lines.map((l) => l.description)).toEqual([expect.stringMatching(/Device backup/), expect.stringMatching(/Starter/)]);
    expect(preview.now.lines.some((l) => /backup/i.test(l.description))).toBe(false);
    await applyPlanChange({ organization: org, token: preview.token, actorUserId: userId });
    const mirrored = await findSubscriptionForOrganization({ organizationId: org.id, subscriptionId: created.id });
    expect(mirrored?.items.map((i) => [i.priceId, i.quantity]).sort()).toEqual(
      [
        [backup, 2],
        [catalog.prices[LOOKUP_KEYS.starterMonthly], 1],
      ].sort(),
    );
  });

  it('refuses a tampered token, a token from another organization and another organization\'s subscription', async () => {
    const a = await subscribedOrganization(LOOKUP_KEYS.starterMonthly);
    const b = await subscribedOrganization(LOOKUP_KEYS.starterMonthly);
    const preview = await previewPlanChange({ organization: a.org, subscriptionId: a.subscriptionId, priceId: catalog.prices[LOOKUP_KEYS.starterAnnual], quantity: 1, locale: 'en' });
    const [payload, signature] = preview.token.split('.');
    const tampered = `${payload}x.${signature}`;
    await expect(applyPlanChange({ organization: a.org, token: tampered, actorUserId: userId })).rejects.toBeInstanceOf(AppError);
    await expect(applyPlanChange({ organization: b.org, token: preview.token, actorUserId: userId })).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      previewPlanChange({ organization: b.org, subscriptionId: a.subscriptionId, priceId: catalog.prices[LOOKUP_KEYS.teamMonthly], quantity: 2, locale: 'en' }),
    ).rejects.toSatisfy(isBillingInputError);
    expect((await stripe.subscriptions.retrieve(a.subscriptionId)).items.data[0]?.price.id).toBe(catalog.prices[LOOKUP_KEYS.starterMonthly]);
  });
});
