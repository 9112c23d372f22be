// The checkout's preview of its first invoice with promotion codes, through the real SDK against the emulator and a
// real database: a valid code changes the amount due to what the subscription then charges; a refused code is
// refused with its sentence and creates and redeems nothing; a one-time code is refused when the first invoice is
// of nothing (usage billed in arrears), in the preview and again at subscribe. The action names each discount in
// the reader's language and refuses a member who may not manage billing.
import { createTranslator } from 'next-intl';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { memberships } from '@/db/schema';
import type { User } from '@/db/queries/users';
import type { SeedCatalogResult } from '@/lib/demo/seed-catalog';
import { LOOKUP_KEYS, PROMOTION_CODES } from '@/lib/demo/catalog';
import en from '@/messages/en.json';
import { closeTestDb, insertTestUser, testDb } from '@/test/integration/helpers';
import { createTestOrganization, createTestUser, expectRefused, setUpBillingCatalog, type TestOrganization } from '../billing-fixtures.int';

const session = vi.hoisted(() => ({ user: null as User | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));
vi.mock('next-intl/server', () => ({ getLocale: async () => 'en' }));
vi.mock('@/lib/i18n/server', () => ({
  getTranslations: async (namespace?: string) => createTranslator({ locale: 'en', messages: en, namespace: namespace as never }),
}));

const { previewCheckout } = await import('./checkout-preview');
const { startSubscription } = await import('./start-subscription');
const { finishSubscription } = await import('./finish-subscription');
const { getSubscriptionDiscounts } = await import('@/db/queries/subscriptions');
const { subscriptionDiscountsOf } = await import('./discount-terms');
const { previewCheckoutAction } = await import('@/lib/actions/billing/preview-checkout');

let stripe: Stripe;
let catalog: SeedCatalogResult;
let userId: string;

beforeAll(async () => {
  ({ stripe, catalog } = await setUpBillingCatalog());
  userId = await createTestUser();
}, 60_000);

afterAll(closeTestDb);

async function subscriptionsOf(org: TestOrganization): Promise<number> {
  return (await stripe.subscriptions.list({ customer: org.stripeCustomerId, status: 'all', limit: 100 })).data.length;
}

/** The first invoice of what startSubscription created. */
async function firstInvoiceOf(subscriptionId: string): Promise<Stripe.Invoice> {
  const subscription = await stripe.subscriptions.retrieve(subscriptionId, { expand: ['latest_invoice'] });
  return subscription.latest_invoice as Stripe.Invoice;
}

async function timesRedeemed(code: string): Promise<number> {
  return (await stripe.promotionCodes.list({ code, limit: 1 })).data[0]!.times_redeemed;
}

describe('previewCheckout', () => {
  it('a valid code lowers the amount due to what the subscription then charges (yen, tax included)', async () => {
    const org = await createTestOrganization(userId, 'jpy');
    const purchase = { organization: org, priceId: catalog.prices[LOOKUP_KEYS.starterMonthly], quantity: 1, promotionCodes: ['welcome10'] };
    const preview = await previewCheckout(purchase);
    expect(preview.codes).toEqual([PROMOTION_CODES.welcome10]);
    expect(preview.subtotal).toBe(1500);
    expect(preview.discounts).toEqual([
      { name: 'Welcome 10%', code: 'WELCOME10', percentOff: 10, amountOff: null, currency: 'jpy', duration: 'once', durationInMonths: null, amount: 150 },
    ]);
    // ¥1,350 holds its consumption tax: 1,350 − round(1,350 / 1.1).
    expect(preview.taxes.map((t) => [t.inclusive, t.percentage, t.amount])).toEqual([[true, 10, 123]]);
    expect(preview.amountDue).toBe(1350);

    const started = await startSubscription({ ...purchase, attempt: crypto.randomUUID() });
    const invoice = await firstInvoiceOf(started.subscriptionId);
    expect(invoice.amount_due).toBe(preview.amountDue);
    expect(invoice.total).toBe(preview.total);
    expect(invoice.total_taxes?.map((t) => t.amount)).toEqual(preview.taxes.map((t) => t.amount));
  });

  it('stacks a repeating and an amount code in order, the amount in the purchase’s currency (dollars, tax added)', async () => {
    const org = await createTestOrganization(userId, 'usd');
    const purchase = {
      organization: org,
      priceId: catalog.prices[LOOKUP_KEYS.teamMonthly],
      quantity: 3,
      promotionCodes: [PROMOTION_CODES.launch20, PROMOTION_CODES.thankYou500],
    };
    const preview = await previewCheckout(purchase);
    // 3 × $10.00, 20 % off ($6.00), then $4.00 off (the coupon's dollar amount, not ¥500), then 10 % tax added.
    expect(preview.discounts.map((d) => [d.code, d.duration, d.durationInMonths, d.percentOff, d.amountOff, d.amount])).toEqual([
      ['LAUNCH20', 'repeating', 3, 20, null, 600],
      ['THANKYOU500', 'once', null, null, 400, 400],
    ]);
    expect(preview.taxes.map((t) => [t.inclusive, t.amount])).toEqual([[false, 200]]);
    expect(preview.amountDue).toBe(2200);

    const started = await startSubscription({ ...purchase, attempt: crypto.randomUUID() });
    const invoice = await firstInvoiceOf(started.subscriptionId);
    expect(invoice.amount_due).toBe(2200);
    expect(invoice.total_discount_amounts?.map((d) => d.amount)).toEqual([600, 400]);
  });

  it('refuses an unknown code with its sentence, and creates and redeems nothing', async () => {
    const org = await createTestOrganization(userId, 'jpy');
    const before = { subscriptions: await subscriptionsOf(org), redeemed: await timesRedeemed(PROMOTION_CODES.welcome10) };
    const purchase = { organization: org, priceId: catalog.prices[LOOKUP_KEYS.starterMonthly], quantity: 1 };
    await expectRefused(() => previewCheckout({ ...purchase, promotionCodes: ['BOGUS'] }), 'promotion_code_unknown');
    await expectRefused(() => previewCheckout({ ...purchase, promotionCodes: [PROMOTION_CODES.welcome10, 'BOGUS'] }), 'promotion_code_unknown');
    // A preview with a valid code is only a preview: nothing is created, the code is not counted as used.
    await previewCheckout({ ...purchase, promotionCodes: [PROMOTION_CODES.welcome10] });
    expect(await subscriptionsOf(org)).toBe(before.subscriptions);
    expect(await timesRedeemed(PROMOTION_CODES.welcome10)).toBe(before.redeemed);
  });

  it('refuses a one-time code when the first invoice is of nothing (usage billed in arrears), in the preview and at subscribe', async () => {
    const org = await createTestOrganization(userId, 'jpy');
    const purchase = { organization: org, priceId: catalog.prices[LOOKUP_KEYS.onDemandDeviceHours], quantity: 1 };
    for (const once of [PROMOTION_CODES.welcome10, PROMOTION_CODES.thankYou500]) {
      await expectRefused(() => previewCheckout({ ...purchase, promotionCodes: [once] }), 'promotion_code_once_on_zero');
      await expectRefused(
        () => startSubscription({ ...purchase, promotionCodes: [PROMOTION_CODES.launch20, once], attempt: crypto.randomUUID() }),
        'promotion_code_once_on_zero',
      );
    }
    expect(await subscriptionsOf(org)).toBe(1); // the free tier only

    // A repeating code is kept for the invoices of usage that follow: it takes nothing off today.
    const preview = await previewCheckout({ ...purchase, promotionCodes: [PROMOTION_CODES.launch20] });
    expect(preview.discounts.map((d) => [d.code, d.duration, d.amount])).toEqual([['LAUNCH20', 'repeating', 0]]);
    expect(preview.amountDue).toBe(0);
  });
});

describe('after checkout', () => {
  it('the subscription page’s data shows the discount still running, not the one the first invoice used', async () => {
    const org = await createTestOrganization(userId, 'jpy');
    const started = await startSubscription({
      organization: org,
      priceId: catalog.prices[LOOKUP_KEYS.starterMonthly],
      quantity: 1,
      promotionCodes: [PROMOTION_CODES.welcome10, PROMOTION_CODES.launch20],
      attempt: crypto.randomUUID(),
    });
    if (started.intent.kind !== 'payment') throw new Error('expected a payment');
    await stripe.paymentIntents.confirm(started.intent.clientSecret.split('_secret_')[0]!, { payment_method: 'pm_card_visa' });
    await finishSubscription({ organization: org, subscriptionId: started.subscriptionId, actorUserId: userId });

    const discounts = subscriptionDiscountsOf(
      { discounts: await getSubscriptionDiscounts({ organizationId: org.id, subscriptionId: started.subscriptionId }) },
      'jpy',
    );
    expect(discounts.map((d) => [d.name, d.code, d.percentOff, d.duration, d.durationInMonths])).toEqual([
      ['Launch 20% for 3 months', 'LAUNCH20', 20, 'repeating', 3],
    ]);
    const months = (discounts[0]!.end!.getTime() - Date.now()) / (30.4 * 86_400_000);
    expect(Math.round(months)).toBe(3);
    // Another organization reads nothing of it.
    const other = await createTestOrganization(userId, 'jpy');
    expect(await getSubscriptionDiscounts({ organizationId: other.id, subscriptionId: started.subscriptionId })).toBeNull();
  });
});

describe('previewCheckoutAction', () => {
  it('names each discount in the reader’s language and says why a code is refused; a member may not preview', async () => {
    const org = await createTestOrganization(userId, 'jpy');
    const owner = { id: userId } as User;
    const member = await insertTestUser('member');
    await testDb().insert(memberships).values({ organizationId: org.id, userId: member.id, role: 'member' });
    const input = { organizationId: org.id, priceId: catalog.prices[LOOKUP_KEYS.teamMonthly], quantity: 2 };

    session.user = owner;
    const accepted = await previewCheckoutAction({ ...input, promotionCodes: [PROMOTION_CODES.launch20, PROMOTION_CODES.thankYou500] });
    expect(accepted?.serverError).toBeUndefined();
    expect(accepted?.data?.discounts.map((d) => [d.name, d.terms, d.amount])).toEqual([
      ['Launch 20% for 3 months', '20% off for 3 months', 480],
      ['Thank you ¥500', '¥500 off once', 500],
    ]);
    expect(accepted?.data?.amountDue).toBe(2400 - 480 - 500);

    const refused = await previewCheckoutAction({ ...input, promotionCodes: ['bogus'] });
    expect(refused?.serverError?.error).toBe('The code “bogus” does not exist. Check the spelling.');
    const metered = await previewCheckoutAction({ ...input, priceId: catalog.prices[LOOKUP_KEYS.onDemandDeviceHours], quantity: 1, promotionCodes: ['WELCOME10'] });
    expect(metered?.serverError?.error).toMatch(/^The code “WELCOME10” takes off one invoice only, and nothing is charged on this plan’s first invoice/);

    session.user = member;
    const forbidden = await previewCheckoutAction({ ...input, promotionCodes: [PROMOTION_CODES.launch20] });
    expect(forbidden?.data).toBeUndefined();
    expect(forbidden?.serverError).toBeDefined();
  });
});
