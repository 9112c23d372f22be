// The card that pays, through the real SDK against the emulator and a real database: the card confirmed at
// checkout is listed and is the default; "make default" moves the live subscription too, so the renewal charges
// the new card (a test clock runs the renewal); removing the card that pays moves the subscription first.
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBillingCustomer, getCardThatPays, listOrganizationCards } from '@/db/queries/payment-methods';
import { setOrganizationStripeCustomer } from '@/db/queries/organizations';
import { memberships, organizations } from '@/db/schema';
import { LOOKUP_KEYS } from '@/lib/demo/catalog';
import type { SeedCatalogResult } from '@/lib/demo/seed-catalog';
import { provisionOrganizationBilling } from '@/lib/organizations/provision-billing';
import { closeTestDb, testDb, uniqueSuffix } from '@/test/integration/helpers';
import { createTestUser, setUpBillingCatalog } from '../billing-fixtures.int';
import { finishSubscription } from '../subscriptions/finish-subscription';
import { startSubscription } from '../subscriptions/start-subscription';
import { finishAddCard } from './finish-add-card';
import { makeDefaultCard } from './make-default-card';
import { removeCard } from './remove-card';
import { startAddCard } from './start-add-card';

let stripe: Stripe;
let catalog: SeedCatalogResult;
let userId: string;

beforeAll(async () => {
  ({ stripe, catalog } = await setUpBillingCatalog());
  userId = await createTestUser();
}, 60_000);
afterAll(closeTestDb);

/** An organization whose Stripe customer lives on its own test clock, provisioned on the free tier. */
async function organizationOnTestClock(): Promise<{ id: string; stripeCustomerId: string; clockId: string }> {
  const db = testDb();
  const [org] = await db.insert(organizations).values({ name: `Org ${uniqueSuffix()}`, currency: 'jpy' }).returning();
  await db.insert(memberships).values({ organizationId: org!.id, userId, role: 'owner' });
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: Math.floor(Date.now() / 1000) });
  const customer = await stripe.customers.create({ email: `${uniqueSuffix()}@example.com`, test_clock: clock.id, metadata: { organization_id: org!.id } });
  await setOrganizationStripeCustomer({ organizationId: org!.id, stripeCustomerId: customer.id });
  await provisionOrganizationBilling({ organizationId: org!.id, email: customer.email!, locale: 'en' });
  return { id: org!.id, stripeCustomerId: customer.id, clockId: clock.id };
}

async function advanceClock(clockId: string, target: number): Promise<void> {
  await stripe.testHelpers.testClocks.advance(clockId, { frozen_time: target });
  for (let i = 0; i < 400; i += 1) {
    if ((await stripe.testHelpers.testClocks.retrieve(clockId)).status === 'ready') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`test clock ${clockId} did not become ready`);
}

/** Adds a card the way the payment-methods page does: SetupIntent, confirmed by Stripe.js, then finished. */
async function addCard(organizationId: string, token: string): Promise<string> {
  const started = await startAddCard({ organizationId, attempt: crypto.randomUUID() });
  await stripe.setupIntents.confirm(started.setupIntentId, { payment_method: token });
  return (await finishAddCard({ organizationId, setupIntentId: started.setupIntentId, actorUserId: userId })).paymentMethodId;
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  return typeof value === 'string' ? value : (value?.id ?? null);
}

async function defaultOf(customerId: string): Promise<string | null> {
  const customer = await stripe.customers.retrieve(customerId);
  return customer.deleted ? null : idOf(customer.invoice_settings.default_payment_method);
}

describe('the card that pays', () => {
  it('is the card confirmed at checkout; made default, it pays the renewal; removed, the subscription moves first', async () => {
    const org = await organizationOnTestClock();
    const organization = { id: org.id, stripeCustomerId: org.stripeCustomerId, currency: 'jpy' };
    const started = await startSubscription({
      organization,
      priceId: catalog.prices[LOOKUP_KEYS.starterMonthly],
      quantity: 1,
      promotionCodes: [],
      attempt: crypto.randomUUID(),
    });
    if (started.intent.kind !== 'payment') throw new Error('expected a payment');
    // What Stripe.js does with the client secret: confirm the first invoice's PaymentIntent with a new card.
    const paid = await stripe.paymentIntents.confirm(started.intent.clientSecret.split('_secret_')[0]!, { payment_method: 'pm_card_visa' });
    expect(paid.status).toBe('succeeded');
    expect((await finishSubscription({ organization, subscriptionId: started.subscriptionId, actorUserId: userId })).status).toBe('active');

    // The card that paid is listed under Payment methods and is the organization's default.
    const first = idOf(paid.payment_method)!;
    expect(await listOrganizationCards({ organizationId: org.id })).toEqual([expect.objectContaining({ id: first, last4: '4242', isDefault: true })]);
    expect(await defaultOf(org.stripeCustomerId)).toBe(first);
    expect((await getCardThatPays({ organizationId: org.id, subscriptionId: started.subscriptionId }))?.id).toBe(first);

    // A second card is added (not the default), then made the default: the subscription charges it next.
    const second = await addCard(org.id, 'pm_card_mastercard');
    expect((await listOrganizationCards({ organizationId: org.id })).find((c) => c.id === second)?.isDefault).toBe(false);
    const made = await makeDefaultCard({ organizationId: org.id, paymentMethodId: second, actorUserId: userId });
    expect(made.subscriptions).toEqual([started.subscriptionId]);
    expect(await defaultOf(org.stripeCustomerId)).toBe(second);
    expect(idOf((await stripe.subscriptions.retrieve(started.subscriptionId)).default_payment_method)).toBe(second);
    expect((await getCardThatPays({ organizationId: org.id, subscriptionId: started.subscriptionId }))?.last4).toBe('4444');
    expect((await getBillingCustomer({ organizationId: org.id }))?.defaultPaymentMethodId).toBe(second);

    // Past the renewal (and the hour before a renewal draft is finalized and charged).
    const subscription = await stripe.subscriptions.retrieve(started.subscriptionId);
    await advanceClock(org.clockId, subscription.items.data[0]!.current_period_end + 2 * 3600);
    const renewals = (await stripe.invoices.list({ subscription: started.subscriptionId, limit: 10 })).data.filter((i) => i.billing_reason === 'subscription_cycle');
    expect(renewals).toHaveLength(1);
    const renewal = await stripe.invoices.retrieve(renewals[0]!.id, { expand: ['payments.data.payment.payment_intent'] });
    expect(renewal.status).toBe('paid');
    expect(renewal.amount_paid).toBeGreaterThan(0);
    const intent = renewal.payments?.data[0]?.payment.payment_intent as Stripe.PaymentIntent;
    expect(idOf(intent.payment_method)).toBe(second);

    // Removing the card that pays: the newest other card becomes the default and the subscription moves to it
    // before the card is detached.
    const removed = await removeCard({ organizationId: org.id, paymentMethodId: second, actorUserId: userId });
    expect(removed).toEqual({ removed: second, newDefault: first, subscriptions: [started.subscriptionId] });
    expect(idOf((await stripe.subscriptions.retrieve(started.subscriptionId)).default_payment_method)).toBe(first);
    expect(await defaultOf(org.stripeCustomerId)).toBe(first);
    expect((await listOrganizationCards({ organizationId: org.id })).map((c) => c.id)).toEqual([first]);

    // The last card of a paid plan is refused, with the sentence for it, and stays.
    await expect(removeCard({ organizationId: org.id, paymentMethodId: first, actorUserId: userId })).rejects.toMatchObject({
      code: 'conflict',
      reason: 'last_card',
      userMessageKey: { key: 'paymentMethods.lastCardNeeded' },
    });
    expect((await stripe.paymentMethods.list({ customer: org.stripeCustomerId })).data.map((pm) => pm.id)).toEqual([first]);
  });
});
