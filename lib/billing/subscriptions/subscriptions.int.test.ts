// Starting, finishing, cancelling and resuming a subscription through the real SDK against the emulator and a
// real database. Bad input is refused with a reason and creates nothing in Stripe; another organization's ids
// are "not found".
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOrganizationCards } from '@/db/queries/payment-methods';
import { findSubscriptionForOrganization, listLiveSubscriptions } from '@/db/queries/subscriptions';
import type { SeedCatalogResult } from '@/lib/demo/seed-catalog';
import { LOOKUP_KEYS, PROMOTION_CODES } from '@/lib/demo/catalog';
import { startSubscriptionSchema } from '@/lib/billing/subscriptions/subscription-schemas';
import { syncStripeCatalog } from '@/lib/stripe-sync';
import { closeTestDb, uniqueSuffix } from '@/test/integration/helpers';
import { createTestOrganization, createTestUser, expectRefused, setUpBillingCatalog, type TestOrganization } from '../billing-fixtures.int';
import { applyPromotionCode } from './apply-promotion-code';
import { cancelAtPeriodEnd, resumeSubscription } from './change-cancellation';
import { changeCollectionMethod } from './change-collection-method';
import { fallBackToFreeTier } from './fall-back-to-free-tier';
import { finishSubscription } from './finish-subscription';
import { startSubscription } from './start-subscription';

let stripe: Stripe;
let catalog: SeedCatalogResult;
type Org = TestOrganization;
let userId: string;

function makeOrganization(currency: 'jpy' | 'usd'): Promise<Org> {
  return createTestOrganization(userId, currency);
}

async function stripeSubscriptionCount(org: Org): Promise<number> {
  return (await stripe.subscriptions.list({ customer: org.stripeCustomerId, status: 'all', limit: 100 })).data.length;
}

function attempt(): string {
  return crypto.randomUUID();
}

/** What Stripe.js does in the browser with the client secret: confirm the invoice's PaymentIntent with a card. */
async function payWith(clientSecret: string, paymentMethod: string): Promise<Stripe.PaymentIntent> {
  const intentId = clientSecret.split('_secret_')[0]!;
  return stripe.paymentIntents.confirm(intentId, { payment_method: paymentMethod });
}

beforeAll(async () => {
  ({ stripe, catalog } = await setUpBillingCatalog());
  userId = await createTestUser();
}, 60_000);

afterAll(closeTestDb);

describe('startSubscription refuses bad input and creates nothing', () => {
  it('refuses an unknown price, a free or one-off price, and a price without an amount in the currency', async () => {
    const org = await makeOrganization('jpy');
    const before = await stripeSubscriptionCount(org);
    const base = { organization: org, quantity: 1, promotionCodes: [], attempt: attempt() };
    await expectRefused(() => startSubscription({ ...base, priceId: 'price_doesnotexist' }), 'unknown_price');
    await expectRefused(() => startSubscription({ ...base, priceId: catalog.prices[LOOKUP_KEYS.freeMonthly] }), 'price_not_subscribable');
    await expectRefused(() => startSubscription({ ...base, priceId: catalog.prices[LOOKUP_KEYS.pass30Day] }), 'price_not_subscribable');

    const euroOnly = await stripe.prices.create({ product: catalog.products.starter!, currency: 'eur', unit_amount: 1000, recurring: { interval: 'month' } });
    await syncStripeCatalog();
    await expectRefused(() => startSubscription({ ...base, priceId: euroOnly.id }), 'unknown_price');
    expect(await stripeSubscriptionCount(org)).toBe(before);
  });

  it('refuses quantity 0 and 10⁹ (schema and logic), and a quantity on a plan that is not per seat', async () => {
    const org = await makeOrganization('jpy');
    const before = await stripeSubscriptionCount(org);
    const input = { organizationId: org.id, priceId: catalog.prices[LOOKUP_KEYS.teamMonthly], attempt: attempt() };
    expect(startSubscriptionSchema.safeParse({ ...input, quantity: '0' }).success).toBe(false);
    expect(startSubscriptionSchema.safeParse({ ...input, quantity: '1000000000' }).success).toBe(false);
    expect(startSubscriptionSchema.safeParse({ ...input, quantity: '3' }).success).toBe(true);
    const base = { organization: org, promotionCodes: [], attempt: attempt() };
    await expectRefused(() => startSubscription({ ...base, priceId: catalog.prices[LOOKUP_KEYS.teamMonthly], quantity: 0 }), 'quantity_out_of_range');
    await expectRefused(() => startSubscription({ ...base, priceId: catalog.prices[LOOKUP_KEYS.teamMonthly], quantity: 1e9 }), 'quantity_out_of_range');
    await expectRefused(() => startSubscription({ ...base, priceId: catalog.prices[LOOKUP_KEYS.starterMonthly], quantity: 2 }), 'quantity_not_allowed');
    expect(await stripeSubscriptionCount(org)).toBe(before);
  });

  it('refuses a made-up promotion code and one whose coupon is for another product', async () => {
    const org = await makeOrganization('jpy');
    const before = await stripeSubscriptionCount(org);
    const coupon = await stripe.coupons.create({ percent_off: 50, duration: 'once', applies_to: { products: [catalog.products.team!] } });
    const code = `TEAMONLY${uniqueSuffix().toUpperCase()}`;
    await stripe.promotionCodes.create({ code, promotion: { type: 'coupon', coupon: coupon.id } });
    const base = { organization: org, priceId: catalog.prices[LOOKUP_KEYS.starterMonthly], quantity: 1, attempt: attempt() };
    await expectRefused(() => startSubscription({ ...base, promotionCodes: ['NOSUCHCODE'] }), 'promotion_code_unknown');
    await expectRefused(() => startSubscription({ ...base, promotionCodes: [code] }), 'promotion_code_other_product');
    expect(await stripeSubscriptionCount(org)).toBe(before);
  });
});

describe('a paid plan replaces the free tier', () => {
  it('returns only a client secret, the same subscription for the same attempt, and after payment one live plan', async () => {
    const org = await makeOrganization('jpy');
    const input = { organization: org, priceId: catalog.prices[LOOKUP_KEYS.teamMonthly], quantity: 3, promotionCodes: [PROMOTION_CODES.welcome10], attempt: attempt() };
    const first = await startSubscription(input);
    const again = await startSubscription(input);
    expect(again.subscriptionId).toBe(first.subscriptionId);
    expect(first.intent.kind).toBe('payment');
    if (first.intent.kind !== 'payment') throw new Error('expected a payment');
    expect(first.intent.clientSecret).toMatch(/^pi_.+_secret_/);

    // Before payment the free tier is still the plan: an abandoned checkout leaves the customer a plan.
    const subscription = await stripe.subscriptions.retrieve(first.subscriptionId, { expand: ['latest_invoice'] });
    expect(subscription.status).toBe('incomplete');
    const invoice = subscription.latest_invoice as Stripe.Invoice;
    expect(invoice.currency).toBe('jpy');
    // 3 seats × ¥1,200, 10 % off.
    expect(invoice.total).toBe(3240);

    expect((await payWith(first.intent.clientSecret, 'pm_card_visa')).status).toBe('succeeded');
    const finished = await finishSubscription({ organization: org, subscriptionId: first.subscriptionId, actorUserId: userId });
    expect(finished.status).toBe('active');
    expect(finished.retired).toHaveLength(1);

    const live = await listLiveSubscriptions({ organizationId: org.id });
    expect(live.map((s) => s.id)).toEqual([first.subscriptionId]);
    expect(live[0]!.items[0]!.quantity).toBe(3);
    // Finishing twice changes nothing more.
    expect((await finishSubscription({ organization: org, subscriptionId: first.subscriptionId, actorUserId: userId })).retired).toEqual([]);
    // A second paid plan must go through "change plan", not a second subscription.
    await expectRefused(
      () => startSubscription({ ...input, priceId: catalog.prices[LOOKUP_KEYS.starterMonthly], quantity: 1, promotionCodes: [], attempt: attempt() }),
      'already_subscribed',
    );
  });

  it('keeps the free tier when the card is declined, and another organization cannot finish, cancel or resume it', async () => {
    const org = await makeOrganization('usd');
    const other = await makeOrganization('jpy');
    const started = await startSubscription({ organization: org, priceId: catalog.prices[LOOKUP_KEYS.starterMonthly], quantity: 1, promotionCodes: [], attempt: attempt() });
    if (started.intent.kind !== 'payment') throw new Error('expected a payment');
    const declined = await payWith(started.intent.clientSecret, 'pm_card_chargeDeclined').catch((e: unknown) => e);
    expect((declined as { code?: string }).code).toBe('card_declined');
    const notPaid = await finishSubscription({ organization: org, subscriptionId: started.subscriptionId, actorUserId: userId });
    expect(notPaid.status).toBe('incomplete');
    expect((await stripe.subscriptions.list({ customer: org.stripeCustomerId, status: 'active' })).data).toHaveLength(1);

    await expectRefused(() => finishSubscription({ organization: other, subscriptionId: started.subscriptionId, actorUserId: userId }), 'subscription_not_found');
    await expectRefused(
      () => cancelAtPeriodEnd({ organization: other, subscriptionId: started.subscriptionId, reason: 'unused', comment: null, attempt: attempt(), actorUserId: userId }),
      'subscription_not_found',
    );
    await expectRefused(() => resumeSubscription({ organization: other, subscriptionId: started.subscriptionId, attempt: attempt(), actorUserId: userId }), 'subscription_not_found');
  });
});

describe('cancel at period end and resume', () => {
  it('schedules the end with the reason, then takes it back', async () => {
    const org = await makeOrganization('usd');
    const started = await startSubscription({ organization: org, priceId: catalog.prices[LOOKUP_KEYS.starterAnnual], quantity: 1, promotionCodes: [], attempt: attempt() });
    if (started.intent.kind !== 'payment') throw new Error('expected a payment');
    await payWith(started.intent.clientSecret, 'pm_card_visa');
    await finishSubscription({ organization: org, subscriptionId: started.subscriptionId, actorUserId: userId });

    await cancelAtPeriodEnd({ organization: org, subscriptionId: started.subscriptionId, reason: 'too_expensive', comment: 'budget', attempt: attempt(), actorUserId: userId });
    const canceled = await stripe.subscriptions.retrieve(started.subscriptionId);
    expect(canceled.cancel_at_period_end).toBe(true);
    expect(canceled.cancellation_details?.feedback).toBe('too_expensive');
    expect((await findSubscriptionForOrganization({ organizationId: org.id, subscriptionId: started.subscriptionId }))?.cancelAtPeriodEnd).toBe(true);
    await expectRefused(
      () => cancelAtPeriodEnd({ organization: org, subscriptionId: started.subscriptionId, reason: 'unused', comment: null, attempt: attempt(), actorUserId: userId }),
      'subscription_not_cancelable',
    );

    await resumeSubscription({ organization: org, subscriptionId: started.subscriptionId, attempt: attempt(), actorUserId: userId });
    expect((await stripe.subscriptions.retrieve(started.subscriptionId)).cancel_at_period_end).toBe(false);
    expect((await findSubscriptionForOrganization({ organizationId: org.id, subscriptionId: started.subscriptionId }))?.cancelAtPeriodEnd).toBe(false);

    // Cancelling again after resuming is a new request, not a replay of the first one.
    await cancelAtPeriodEnd({ organization: org, subscriptionId: started.subscriptionId, reason: 'unused', comment: null, attempt: attempt(), actorUserId: userId });
    expect((await stripe.subscriptions.retrieve(started.subscriptionId)).cancel_at_period_end).toBe(true);
  });
});

describe('a paid plan that ends falls back to the free tier', () => {
  it('starts the free tier once when the plan ends, and not when a new plan replaced it', async () => {
    const org = await makeOrganization('usd');
    const started = await startSubscription({ organization: org, priceId: catalog.prices[LOOKUP_KEYS.starterMonthly], quantity: 1, promotionCodes: [], attempt: attempt() });
    if (started.intent.kind !== 'payment') throw new Error('expected a payment');
    await payWith(started.intent.clientSecret, 'pm_card_visa');
    const finished = await finishSubscription({ organization: org, subscriptionId: started.subscriptionId, actorUserId: userId });
    const [replacedFree] = await Promise.all(finished.retired.map((id) => stripe.subscriptions.retrieve(id)));
    // The retired free tier does not bring itself back.
    expect(await fallBackToFreeTier({ ended: replacedFree! })).toBeNull();

    const ended = await stripe.subscriptions.cancel(started.subscriptionId);
    const free = await fallBackToFreeTier({ ended });
    expect(free?.status).toBe('active');
    expect(free?.currency).toBe('usd');
    expect(free?.items.data[0]?.price.id).toBe(catalog.prices[LOOKUP_KEYS.freeMonthly]);
    // A second delivery of the same event changes nothing.
    expect(await fallBackToFreeTier({ ended })).toBeNull();
    expect((await stripe.subscriptions.list({ customer: org.stripeCustomerId, status: 'active' })).data.map((s) => s.id)).toEqual([free!.id]);
  });
});

describe('pay by invoice (bank transfer)', () => {
  it('lets an owner switch to send_invoice due in INVOICE_DAYS_UNTIL_DUE days and back; billing managers may not', async () => {
    const org = await makeOrganization('jpy');
    const started = await startSubscription({ organization: org, priceId: catalog.prices[LOOKUP_KEYS.starterMonthly], quantity: 1, promotionCodes: [], attempt: attempt() });
    if (started.intent.kind !== 'payment') throw new Error('expected a payment');
    await payWith(started.intent.clientSecret, 'pm_card_visa');
    await finishSubscription({ organization: org, subscriptionId: started.subscriptionId, actorUserId: userId });

    const billing = { id: org.id, role: 'billing' as const };
    await expect(
      changeCollectionMethod({ organization: billing, subscriptionId: started.subscriptionId, method: 'send_invoice', attempt: attempt(), actorUserId: userId }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect((await stripe.subscriptions.retrieve(started.subscriptionId)).collection_method).toBe('charge_automatically');

    const owner = { id: org.id, role: 'owner' as const };
    await changeCollectionMethod({ organization: owner, subscriptionId: started.subscriptionId, method: 'send_invoice', attempt: attempt(), actorUserId: userId });
    const byInvoice = await stripe.subscriptions.retrieve(started.subscriptionId);
    expect(byInvoice.collection_method).toBe('send_invoice');
    expect(byInvoice.days_until_due).toBe(30);
    expect((await findSubscriptionForOrganization({ organizationId: org.id, subscriptionId: started.subscriptionId }))?.collectionMethod).toBe('send_invoice');

    await changeCollectionMethod({ organization: owner, subscriptionId: started.subscriptionId, method: 'charge_automatically', attempt: attempt(), actorUserId: userId });
    expect((await stripe.subscriptions.retrieve(started.subscriptionId)).collection_method).toBe('charge_automatically');
  });
});

describe('a price with a trial', () => {
  it('starts trialing with a SetupIntent to confirm instead of a payment, and the trial length comes from the price', async () => {
    const org = await makeOrganization('jpy');
    const trialPrice = await stripe.prices.create({
      product: catalog.products.starter!,
      currency: 'jpy',
      unit_amount: 1500,
      recurring: { interval: 'month', trial_period_days: 14 },
    });
    await syncStripeCatalog();
    const started = await startSubscription({ organization: org, priceId: trialPrice.id, quantity: 1, promotionCodes: [], attempt: attempt() });
    expect(started.intent.kind).toBe('setup');
    if (started.intent.kind !== 'setup') throw new Error('expected a setup');
    expect(started.intent.clientSecret).toMatch(/^seti_.+_secret_/);
    const subscription = await stripe.subscriptions.retrieve(started.subscriptionId);
    expect(subscription.status).toBe('trialing');
    expect(subscription.trial_end! - subscription.trial_start!).toBe(14 * 24 * 60 * 60);

    const setup = await stripe.setupIntents.confirm(started.intent.clientSecret.split('_secret_')[0]!, { payment_method: 'pm_card_visa' });
    const finished = await finishSubscription({ organization: org, subscriptionId: started.subscriptionId, actorUserId: userId });
    expect(finished.status).toBe('trialing');
    expect(finished.retired).toHaveLength(1);
    // The card collected for the trial is listed as the organization's default: it pays when the trial ends.
    expect(await listOrganizationCards({ organizationId: org.id })).toEqual([expect.objectContaining({ id: setup.payment_method, isDefault: true })]);
    const customer = await stripe.customers.retrieve(org.stripeCustomerId);
    expect(!customer.deleted && customer.invoice_settings.default_payment_method).toBe(setup.payment_method);
  });
});

describe('promotion codes after checkout', () => {
  it('adds a code next to the one used at checkout, refuses one for another product and another organization', async () => {
    const org = await makeOrganization('jpy');
    const other = await makeOrganization('jpy');
    const started = await startSubscription({
      organization: org,
      priceId: catalog.prices[LOOKUP_KEYS.starterMonthly],
      quantity: 1,
      promotionCodes: [PROMOTION_CODES.launch20],
      attempt: attempt(),
    });
    if (started.intent.kind !== 'payment') throw new Error('expected a payment');
    await payWith(started.intent.clientSecret, 'pm_card_visa');
    await finishSubscription({ organization: org, subscriptionId: started.subscriptionId, actorUserId: userId });

    const teamOnly = await stripe.coupons.create({ percent_off: 30, duration: 'once', applies_to: { products: [catalog.products.team!] } });
    const teamCode = `TEAM${uniqueSuffix().toUpperCase()}`;
    await stripe.promotionCodes.create({ code: teamCode, promotion: { type: 'coupon', coupon: teamOnly.id } });
    await expectRefused(() => applyPromotionCode({ organization: org, subscriptionId: started.subscriptionId, code: teamCode, actorUserId: userId }), 'promotion_code_other_product');
    await expectRefused(
      () => applyPromotionCode({ organization: other, subscriptionId: started.subscriptionId, code: PROMOTION_CODES.thankYou500, actorUserId: userId }),
      'subscription_not_found',
    );
    expect((await stripe.subscriptions.retrieve(started.subscriptionId)).discounts).toHaveLength(1);

    await applyPromotionCode({ organization: org, subscriptionId: started.subscriptionId, code: PROMOTION_CODES.thankYou500, actorUserId: userId });
    expect((await stripe.subscriptions.retrieve(started.subscriptionId)).discounts).toHaveLength(2);
  });
});
