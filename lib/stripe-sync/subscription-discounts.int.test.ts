// A subscription's sync keeps each running discount with its coupon and promotion code, so the subscription page
// can say from the mirror what it takes off and until when: an amount coupon in another currency with what it
// takes off in the subscription's (currency_options, read again), a repeating one with its end. The customer's
// full sync writes the same row (no drift).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations, stripeSubscriptions } from '@/db/schema';
import { subscriptionDiscountsOf } from '@/lib/billing/subscriptions/discount-terms';
import { closeTestDb, resetDatabase, testDb, testStripe, uniqueSuffix } from '@/test/integration/helpers';
import { findCustomerMirrorDrift, syncStripeCustomer, syncStripeSubscription } from './index';

beforeAll(resetDatabase, 60_000);
afterAll(closeTestDb);

async function usdCustomerWithCard() {
  const stripe = testStripe();
  const [org] = await testDb().insert(organizations).values({ name: `Subscription discounts ${uniqueSuffix()}`, currency: 'usd' }).returning();
  const customer = await stripe.customers.create({ email: `${uniqueSuffix()}@example.com`, metadata: { organization_id: org!.id } });
  await testDb().update(organizations).set({ stripeCustomerId: customer.id }).where(eq(organizations.id, org!.id));
  const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
  await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: card.id } });
  await syncStripeCustomer(customer.id, undefined, { stripe });
  return { stripe, customerId: customer.id };
}

async function mirroredDiscounts(subscriptionId: string) {
  const [row] = await testDb().select().from(stripeSubscriptions).where(eq(stripeSubscriptions.id, subscriptionId));
  return subscriptionDiscountsOf(row!.data, row!.currency);
}

describe('syncStripeSubscription', () => {
  it('keeps the running discounts with their coupons, codes and ends; the full sync writes the same', async () => {
    const { stripe, customerId } = await usdCustomerWithCard();
    const product = await stripe.products.create({ name: `Plan ${uniqueSuffix()}` });
    const price = await stripe.prices.create({ product: product.id, currency: 'usd', unit_amount: 2_000, recurring: { interval: 'month' } });
    const launch = await stripe.coupons.create({ name: `Launch ${uniqueSuffix()}`, percent_off: 20, duration: 'repeating', duration_in_months: 3 });
    const code = `LAUNCH${uniqueSuffix().toUpperCase()}`;
    const promotion = await stripe.promotionCodes.create({ code, promotion: { type: 'coupon', coupon: launch.id } });
    // Yen first, dollars as a currency option: a subscription read names only the yen amount.
    const thanks = await stripe.coupons.create({ amount_off: 500, currency: 'jpy', currency_options: { usd: { amount_off: 400 } }, duration: 'forever' });
    const subscription = await stripe.subscriptions.create({
      customer: customerId,
      items: [{ price: price.id }],
      discounts: [{ promotion_code: promotion.id }, { coupon: thanks.id }],
    });

    await syncStripeSubscription(subscription.id, undefined, { stripe, customerId });
    const discounts = await mirroredDiscounts(subscription.id);
    expect(discounts.map(({ id: _id, end, ...terms }) => ({ ...terms, ends: end !== null }))).toEqual([
      { name: launch.name, code, percentOff: 20, amountOff: null, currency: 'usd', duration: 'repeating', durationInMonths: 3, ends: true },
      // No name: named by its id. $4.00 off in this subscription's dollars, not ¥500.
      { name: thanks.id, code: null, percentOff: null, amountOff: 400, currency: 'usd', duration: 'forever', durationInMonths: null, ends: false },
    ]);
    // Three months from the start.
    const start = new Date(subscription.start_date * 1000);
    expect(discounts[0]!.end!.getUTCMonth()).toBe((start.getUTCMonth() + 3) % 12);

    expect((await findCustomerMirrorDrift(customerId, { stripe })).filter((d) => d.table === 'stripe_subscriptions')).toEqual([]);
    await syncStripeCustomer(customerId, undefined, { stripe });
    expect((await mirroredDiscounts(subscription.id)).map((d) => [d.name, d.amountOff])).toEqual([
      [launch.name, null],
      [thanks.id, 400],
    ]);
  });
});
