// Buying a one-off item or the 30-day pass through the real SDK against the emulator and a real database. Bad
// input (a recurring price, a price without an amount in the organization's currency, an id that is not in the
// mirrored catalogue) is refused with a reason and creates no invoice; a paid pass records its validity.
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getLimits } from '@/app/api/v1/limits/route';
import { findActivePass } from '@/db/queries/passes';
import { getInvoiceForOrganization } from '@/db/queries/invoices';
import type { SeedCatalogResult } from '@/lib/demo/seed-catalog';
import { LOOKUP_KEYS } from '@/lib/demo/catalog';
import { syncStripeCatalog } from '@/lib/stripe-sync';
import { createApiKey } from '@/lib/usage/manage-api-keys';
import { usageLimitsFor } from '@/lib/usage/limits';
import { closeTestDb, uniqueSuffix } from '@/test/integration/helpers';
import { createTestOrganization, createTestUser, expectRefused, setUpBillingCatalog, type TestOrganization } from '../billing-fixtures.int';
import { finishOneOffPurchase, PASS_DAYS, startOneOffPurchase } from './one-off-purchase';

let stripe: Stripe;
let catalog: SeedCatalogResult;
let userId: string;
type Org = TestOrganization;

function makeOrganization(currency: 'jpy' | 'usd'): Promise<Org> {
  return createTestOrganization(userId, currency);
}

async function invoiceCount(org: Org): Promise<number> {
  return (await stripe.invoices.list({ customer: org.stripeCustomerId, limit: 100 })).data.length;
}

beforeAll(async () => {
  ({ stripe, catalog } = await setUpBillingCatalog());
  userId = await createTestUser();
}, 60_000);

afterAll(closeTestDb);

describe('startOneOffPurchase refuses bad input and creates nothing', () => {
  it('refuses a recurring price, a price without an amount in the currency and an id outside the catalogue', async () => {
    const org = await makeOrganization('jpy');
    const before = await invoiceCount(org);
    const base = { organization: org, attempt: crypto.randomUUID() };
    await expectRefused(() => startOneOffPurchase({ ...base, priceId: catalog.prices[LOOKUP_KEYS.starterMonthly] }), 'price_not_one_off');
    await expectRefused(() => startOneOffPurchase({ ...base, priceId: catalog.prices[LOOKUP_KEYS.onDemandDeviceHours] }), 'price_not_one_off');

    // Another currency: a one-time price with only a euro amount does not exist for a yen organization.
    const euroOnly = await stripe.prices.create({ product: catalog.products.exam_course!, currency: 'eur', unit_amount: 5000 });
    await syncStripeCatalog();
    await expectRefused(() => startOneOffPurchase({ ...base, priceId: euroOnly.id }), 'unknown_price');

    // A price made for someone else (exists in Stripe, not in the mirrored catalogue) or no price at all.
    const elsewhere = await stripe.prices.create({ product_data: { name: `Private ${uniqueSuffix()}` }, currency: 'jpy', unit_amount: 1 });
    await expectRefused(() => startOneOffPurchase({ ...base, priceId: elsewhere.id }), 'unknown_price');
    await expectRefused(() => startOneOffPurchase({ ...base, priceId: 'price_doesnotexist' }), 'unknown_price');

    expect(await invoiceCount(org)).toBe(before);
  });

  it("refuses to finish another organization's purchase", async () => {
    const org = await makeOrganization('jpy');
    const other = await makeOrganization('jpy');
    const started = await startOneOffPurchase({ organization: other, priceId: catalog.prices[LOOKUP_KEYS.examCourse], attempt: crypto.randomUUID() });
    await expectRefused(() => finishOneOffPurchase({ organization: org, invoiceId: started.invoiceId }), 'purchase_not_found');
    expect(await getInvoiceForOrganization({ organizationId: org.id, invoiceId: started.invoiceId })).toBeNull();
  });
});

describe('buying the 30-day pass', () => {
  it('charges the catalogue amount once per attempt and records the pass valid 30 days from payment', async () => {
    const org = await makeOrganization('jpy');
    const attempt = crypto.randomUUID();
    const priceId = catalog.prices[LOOKUP_KEYS.pass30Day];
    const before = await invoiceCount(org);
    const first = await startOneOffPurchase({ organization: org, priceId, attempt });
    // A double click: the same attempt is the same invoice.
    const again = await startOneOffPurchase({ organization: org, priceId, attempt });
    expect(again.invoiceId).toBe(first.invoiceId);
    expect(await invoiceCount(org)).toBe(before + 1);
    expect(first.intent.kind).toBe('payment');
    if (first.intent.kind !== 'payment') return;

    // Not paid yet: nothing to record.
    expect((await finishOneOffPurchase({ organization: org, invoiceId: first.invoiceId })).status).toBe('open');
    expect(await findActivePass({ organizationId: org.id })).toBeNull();

    // What Stripe.js does in the browser with the client secret.
    const intentId = first.intent.clientSecret.split('_secret_')[0]!;
    await stripe.paymentIntents.confirm(intentId, { payment_method: 'pm_card_visa' });

    const finished = await finishOneOffPurchase({ organization: org, invoiceId: first.invoiceId });
    expect(finished.status).toBe('paid');
    const invoice = await stripe.invoices.retrieve(first.invoiceId);
    expect(invoice.amount_paid).toBe(3_000);
    const paidAt = invoice.status_transitions.paid_at!;
    expect(new Date(finished.passValidUntil!).getTime()).toBe((paidAt + PASS_DAYS * 86_400) * 1000);

    const pass = await findActivePass({ organizationId: org.id });
    expect(pass?.invoiceId).toBe(first.invoiceId);
    expect(pass?.validUntil.getTime()).toBe((paidAt + PASS_DAYS * 86_400) * 1000);
    // Expired after 30 days; another organization has none.
    expect(await findActivePass({ organizationId: org.id, now: new Date((paidAt + PASS_DAYS * 86_400 + 1) * 1000) })).toBeNull();
    const other = await makeOrganization('jpy');
    expect(await findActivePass({ organizationId: other.id })).toBeNull();
  });

  it('gives its capacity to GET /api/v1/limits, named as the plan, until it ends', async () => {
    const org = await makeOrganization('jpy');
    const { key } = await createApiKey({ organizationId: org.id, userId, name: 'fleet' });
    const limits = async () => {
      const response = await getLimits(new Request('http://localhost:3000/api/v1/limits', { headers: { authorization: `Bearer ${key}` } }));
      expect(response.status).toBe(200);
      return (await response.json()) as Record<string, unknown>;
    };
    // The free tier: one device, no pass.
    expect(await limits()).toMatchObject({ plan: { tier: 'free' }, capacity: 1, remaining: 1, allowed: true, pass_valid_until: null });

    const started = await startOneOffPurchase({ organization: org, priceId: catalog.prices[LOOKUP_KEYS.pass30Day], attempt: crypto.randomUUID() });
    if (started.intent.kind !== 'payment') throw new Error('expected a payment');
    await stripe.paymentIntents.confirm(started.intent.clientSecret.split('_secret_')[0]!, { payment_method: 'pm_card_visa' });
    await finishOneOffPurchase({ organization: org, invoiceId: started.invoiceId });
    const paidAt = (await stripe.invoices.retrieve(started.invoiceId)).status_transitions.paid_at!;
    const validUntil = paidAt + PASS_DAYS * 86_400;

    // The pass's capacity from the catalogue (seikyu_device_limit 5), every existing field kept, the pass's end added.
    const body = await limits();
    expect(body).toEqual({
      plan: { product_name: '30-day pass', tier: 'pass_30d', price_lookup_key: LOOKUP_KEYS.pass30Day },
      capacity: 5,
      in_use: 0,
      remaining: 5,
      free_tier_ends_at: expect.any(Number),
      allowed: true,
      pass_valid_until: validUntil,
      devices_in_use: 0,
      over_capacity: false,
    });
    expect((await findActivePass({ organizationId: org.id, locale: 'ja' }))?.productName).toBe('30日パス');

    // Once the pass has ended, the free tier again.
    const after = await usageLimitsFor(org.id, { now: new Date((validUntil + 1) * 1000) });
    expect(after).toMatchObject({ plan: { tier: 'free' }, capacity: 1, passValidUntil: null });
  });
});
