// Consumption tax through the real SDK against the emulator and a real database: the catalogue's rate is charged
// at checkout and on every renewal (JPY 税込: the price holds the tax; USD: the tax is added), the plan-change
// preview shows it, and the mirrored invoice carries it per rate.
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getInvoiceWithLines, listInvoices } from '@/db/queries/invoices';
import { setOrganizationStripeCustomer } from '@/db/queries/organizations';
import { memberships, organizations } from '@/db/schema';
import { LOOKUP_KEYS } from '@/lib/demo/catalog';
import type { SeedCatalogResult } from '@/lib/demo/seed-catalog';
import { provisionOrganizationBilling } from '@/lib/organizations/provision-billing';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { closeTestDb, testDb, uniqueSuffix } from '@/test/integration/helpers';
import { createTestUser, setUpBillingCatalog } from '../billing-fixtures.int';
import { finishSubscription } from '../subscriptions/finish-subscription';
import { previewPlanChange } from '../subscriptions/plan-change';
import { startSubscription } from '../subscriptions/start-subscription';

let stripe: Stripe;
let catalog: SeedCatalogResult;
let userId: string;

type ClockedOrg = { id: string; currency: 'jpy' | 'usd'; stripeCustomerId: string; clockId: string; timeZone: string };

/** An organization whose Stripe customer runs on a test clock, so a renewal can be reached. */
async function clockedOrganization(currency: 'jpy' | 'usd'): Promise<ClockedOrg> {
  const db = testDb();
  const [org] = await db.insert(organizations).values({ name: `Org ${uniqueSuffix()}`, currency }).returning();
  await db.insert(memberships).values({ organizationId: org!.id, userId, role: 'owner' });
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: Math.floor(Date.now() / 1000) });
  const customer = await stripe.customers.create({ email: `${uniqueSuffix()}@example.com`, test_clock: clock.id, metadata: { organization_id: org!.id } });
  await setOrganizationStripeCustomer({ organizationId: org!.id, stripeCustomerId: customer.id });
  await provisionOrganizationBilling({ organizationId: org!.id, email: customer.email!, locale: 'en' });
  return { id: org!.id, currency, stripeCustomerId: customer.id, clockId: clock.id, timeZone: org!.timeZone };
}

async function advanceClock(clockId: string, target: number): Promise<void> {
  await stripe.testHelpers.testClocks.advance(clockId, { frozen_time: target });
  for (let i = 0; i < 600; i += 1) {
    if ((await stripe.testHelpers.testClocks.retrieve(clockId)).status === 'ready') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`test clock ${clockId} did not become ready`);
}

/** Checkout as the portal does it: the server starts the subscription, Stripe.js pays, the server finishes. */
async function subscribe(org: ClockedOrg, lookupKey: keyof typeof catalog.prices, quantity: number): Promise<Stripe.Subscription> {
  const started = await startSubscription({ organization: org, priceId: catalog.prices[lookupKey], quantity, promotionCodes: [], attempt: crypto.randomUUID() });
  if (started.intent.kind !== 'payment') throw new Error('expected a payment');
  await stripe.paymentIntents.confirm(started.intent.clientSecret.split('_secret_')[0]!, { payment_method: 'pm_card_visa' });
  await finishSubscription({ organization: org, subscriptionId: started.subscriptionId, actorUserId: userId });
  return stripe.subscriptions.retrieve(started.subscriptionId, { expand: ['latest_invoice'] });
}

function taxesOf(invoice: Stripe.Invoice) {
  return (invoice.total_taxes ?? []).map((t) => ({ amount: t.amount, behavior: t.tax_behavior, taxable: t.taxable_amount }));
}

beforeAll(async () => {
  ({ stripe, catalog } = await setUpBillingCatalog());
  userId = await createTestUser();
}, 120_000);

afterAll(closeTestDb);

describe('consumption tax from the catalogue', () => {
  it('JPY (税込): 2 Team seats cost ¥2,400 with ¥218 tax inside, at checkout and on the renewal; the mirror has it per rate', async () => {
    const org = await clockedOrganization('jpy');
    const subscription = await subscribe(org, LOOKUP_KEYS.teamMonthly, 2);
    expect(subscription.default_tax_rates?.map((r) => [r.percentage, r.inclusive, r.display_name])).toEqual([[10, true, '消費税']]);
    const first = subscription.latest_invoice as Stripe.Invoice;
    expect(first.status).toBe('paid');
    // ¥2,400 incl. tax: net round(2400 / 1.1) = ¥2,182, tax ¥218; the customer pays the price shown.
    expect([first.total, first.total_excluding_tax, first.amount_paid]).toEqual([2400, 2182, 2400]);
    expect(taxesOf(first)).toEqual([{ amount: 218, behavior: 'inclusive', taxable: 2182 }]);

    const mirrored = await getInvoiceWithLines({ organizationId: org.id, invoiceId: first.id });
    expect(mirrored?.invoice).toMatchObject({ tax: 218, totalExcludingTax: 2182, total: 2400 });
    expect(mirrored?.invoice.taxes).toEqual([
      { rateId: subscription.default_tax_rates![0]!.id, displayName: '消費税', percentage: 10, inclusive: true, amount: 218, taxableAmount: 2182 },
    ]);

    // The renewal (the draft finalizes an hour after the period ends) carries the same tax.
    await advanceClock(org.clockId, subscription.items.data[0]!.current_period_end + 2 * 3600);
    await syncStripeCustomer(org.stripeCustomerId);
    const renewal = (await stripe.invoices.list({ customer: org.stripeCustomerId, limit: 10 })).data.find((i) => i.billing_reason === 'subscription_cycle');
    expect(renewal?.status).toBe('paid');
    expect(taxesOf(renewal!)).toEqual([{ amount: 218, behavior: 'inclusive', taxable: 2182 }]);
    const listed = await listInvoices({ organizationId: org.id });
    expect(listed.invoices.find((i) => i.id === renewal!.id)).toMatchObject({ tax: 218, total: 2400 });
  }, 120_000);

  it('USD (plus tax): Starter $12.00 + $1.20 consumption tax charged at checkout and on the renewal', async () => {
    const org = await clockedOrganization('usd');
    const subscription = await subscribe(org, LOOKUP_KEYS.starterMonthly, 1);
    expect(subscription.default_tax_rates?.map((r) => [r.percentage, r.inclusive])).toEqual([[10, false]]);
    const first = subscription.latest_invoice as Stripe.Invoice;
    expect([first.subtotal, first.total, first.amount_paid]).toEqual([1200, 1320, 1320]);
    expect(taxesOf(first)).toEqual([{ amount: 120, behavior: 'exclusive', taxable: 1200 }]);

    await advanceClock(org.clockId, subscription.items.data[0]!.current_period_end + 2 * 3600);
    const renewal = (await stripe.invoices.list({ customer: org.stripeCustomerId, limit: 10 })).data.find((i) => i.billing_reason === 'subscription_cycle');
    expect([renewal?.status, renewal?.amount_paid]).toEqual(['paid', 1320]);
  }, 120_000);

  it('the plan-change preview shows the tax now and on the next invoice, in JPY and USD', async () => {
    const jpy = await clockedOrganization('jpy');
    const jpySub = await subscribe(jpy, LOOKUP_KEYS.starterMonthly, 1);
    const jpyPreview = await previewPlanChange({ organization: jpy, subscriptionId: jpySub.id, priceId: catalog.prices[LOOKUP_KEYS.teamMonthly], quantity: 3, locale: 'en' });
    // Next invoice: 3 × ¥1,200 = ¥3,600 incl. ¥327 tax (net ¥3,273).
    expect(jpyPreview.next.total).toBe(3600);
    expect(jpyPreview.next.taxes).toEqual([expect.objectContaining({ displayName: '消費税', percentage: 10, inclusive: true, amount: 327, taxableAmount: 3273 })]);
    expect(jpyPreview.now.taxes).toHaveLength(1);
    expect(jpyPreview.now.taxes[0]!.inclusive).toBe(true);

    const usd = await clockedOrganization('usd');
    const usdSub = await subscribe(usd, LOOKUP_KEYS.starterMonthly, 1);
    const usdPreview = await previewPlanChange({ organization: usd, subscriptionId: usdSub.id, priceId: catalog.prices[LOOKUP_KEYS.teamMonthly], quantity: 3, locale: 'en' });
    // Next invoice: 3 × $10.00 + 10 % = $33.00.
    expect(usdPreview.next.total).toBe(3300);
    expect(usdPreview.next.taxes).toEqual([expect.objectContaining({ percentage: 10, inclusive: false, amount: 300, taxableAmount: 3000 })]);
    // What is charged now includes the tax on the prorated difference.
    const nowTax = usdPreview.now.taxes.reduce((a, t) => a + t.amount, 0);
    expect(nowTax).toBeGreaterThan(0);
    expect(usdPreview.now.total).toBe(usdPreview.now.lines.reduce((a, l) => a + l.amount, 0) + nowTax);
  }, 120_000);
});
