// seedDemo against the emulator and a real database: it builds what the demo promises, and a second run adds
// nothing twice, neither in Stripe nor in the database.
import { eq, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberships, operators, organizations, stripeInvoices, stripeSubscriptions, users } from '@/db/schema';
import * as schema from '@/db/schema';
import { closeTestDb, resetDatabase, testDb, testStripe } from '@/test/integration/helpers';
import { getBrandingSettings } from '@/lib/branding/settings';
import { listAll } from '@/lib/stripe-sync/context';
import { findCatalogMirrorDrift, findCustomerMirrorDrift } from '@/lib/stripe-sync';
import { CATALOG, CATALOG_KEY_METADATA, COUPON_IDS, LOOKUP_KEYS, METERS, PROMOTION_CODES } from './catalog';
import { DEMO_BANK_TRANSFER_EMAIL, DEMO_CUSTOMER_EMAIL, DEMO_OPERATOR_EMAIL, seedDemo, type SeedDemoResult } from './seed';

/** What exists in Stripe that the seed is responsible for. */
async function stripeInventory(stripe: Stripe) {
  const products = (await listAll(stripe.products.list({ limit: 100 }))).filter((p) => p.metadata[CATALOG_KEY_METADATA]);
  const keys = Object.values(LOOKUP_KEYS);
  // Stripe takes at most 10 lookup keys per list call.
  const prices = (await Promise.all([0, 10, 20].map((i) => (keys.slice(i, i + 10).length ? listAll(stripe.prices.list({ lookup_keys: keys.slice(i, i + 10), limit: 100 })) : [])))).flat();
  const meterNames: string[] = Object.values(METERS).map((m) => m.eventName);
  const meters = (await listAll(stripe.billing.meters.list({ limit: 100 }))).filter((m) => meterNames.includes(m.event_name));
  const promotionCodes = (await Promise.all(Object.values(PROMOTION_CODES).map((code) => stripe.promotionCodes.list({ code, limit: 10 })))).map((l) => l.data.length);
  const customers = (await listAll(stripe.customers.list({ limit: 100 }))).filter((c) => c.metadata.seikyu_demo);
  const subscriptions = (await Promise.all(customers.map((c) => listAll(stripe.subscriptions.list({ customer: c.id, status: 'all', limit: 100 }))))).flat();
  const cards = (await Promise.all(customers.map((c) => listAll(stripe.paymentMethods.list({ customer: c.id, limit: 100 }))))).flat();
  return {
    products: products.map((p) => p.metadata[CATALOG_KEY_METADATA]).sort(),
    prices: prices.map((p) => p.lookup_key).sort(),
    meters: meters.length,
    promotionCodes,
    customers: customers.length,
    subscriptions: subscriptions.length,
    cards: cards.length,
  };
}

async function databaseCounts() {
  const db = testDb();
  const count = async (table: (typeof schema)[keyof typeof schema]) =>
    (await db.execute<{ n: number }>(sql`select count(*)::int as n from ${table}`))[0]!.n;
  return {
    users: await count(users),
    organizations: await count(organizations),
    memberships: await count(memberships),
    operators: await count(operators),
    subscriptions: await count(stripeSubscriptions),
    invoices: await count(stripeInvoices),
    products: await count(schema.stripeProducts),
    prices: await count(schema.stripePrices),
  };
}

describe('seedDemo', () => {
  let first: SeedDemoResult;
  beforeAll(async () => {
    await resetDatabase();
    first = await seedDemo({ db: testDb(), stripe: testStripe() });
  }, 120_000);
  afterAll(closeTestDb);

  it('creates the catalogue the portal expects, in JPY with USD options', async () => {
    const stripe = testStripe();
    const inventory = await stripeInventory(stripe);
    expect(inventory.products).toEqual(CATALOG.map((p) => p.key).sort());
    expect(inventory.prices).toEqual(Object.values(LOOKUP_KEYS).sort());
    expect(inventory.meters).toBe(Object.keys(METERS).length);
    expect(inventory.promotionCodes).toEqual([1, 1, 1]);

    const [team] = (await stripe.prices.list({ lookup_keys: [LOOKUP_KEYS.teamMonthly], expand: ['data.currency_options'] })).data;
    expect(team).toMatchObject({ currency: 'jpy', unit_amount: 1200, recurring: { interval: 'month', usage_type: 'licensed' } });
    expect(team!.currency_options?.usd?.unit_amount).toBe(1000);
    const [metered] = (await stripe.prices.list({ lookup_keys: [LOOKUP_KEYS.onDemandDeviceHours] })).data;
    expect(metered!.recurring).toMatchObject({ usage_type: 'metered' });
    expect(metered!.recurring!.meter).toMatch(/^mtr_/);
    // Japanese display names live in the catalogue itself, for the portal to choose by locale.
    const starter = (await stripe.products.list({ limit: 100 })).data.find((p) => p.metadata[CATALOG_KEY_METADATA] === 'starter');
    expect(starter!.metadata).toMatchObject({ name_ja: 'スターター' });
    const onDemand = (await stripe.products.list({ limit: 100 })).data.find((p) => p.metadata[CATALOG_KEY_METADATA] === 'on_demand');
    expect(onDemand!.metadata).toMatchObject({ meter_name: 'Device hours', meter_name_ja: 'デバイス稼働時間' });
    expect(team!.metadata).toMatchObject({ nickname_ja: 'チーム（月払い、1席あたり）' });
    const [pass] = (await stripe.prices.list({ lookup_keys: [LOOKUP_KEYS.pass30Day] })).data;
    expect(pass).toMatchObject({ type: 'one_time', unit_amount: 3000 });
    const thankYou = await stripe.coupons.retrieve(COUPON_IDS.thankYou500, { expand: ['currency_options'] });
    expect(thankYou).toMatchObject({ amount_off: 500, currency: 'jpy', duration: 'once' });
    expect(thankYou.currency_options?.usd?.amount_off).toBe(400);
  });

  it('gives Demo Corp a Team subscription on a test clock with months of paid invoices, mirrored', async () => {
    const db = testDb();
    const demoCorp = first.organizations.find((o) => o.name === 'Demo Corp')!;
    const [org] = await db.select().from(organizations).where(eq(organizations.id, demoCorp.id));
    expect(org).toMatchObject({ stripeCustomerId: demoCorp.stripeCustomerId, currency: 'jpy' });

    const customer = (await testStripe().customers.retrieve(demoCorp.stripeCustomerId)) as Stripe.Customer;
    expect(customer.test_clock).toBeTruthy();
    const [subscription] = await db.select().from(stripeSubscriptions).where(eq(stripeSubscriptions.customerId, demoCorp.stripeCustomerId));
    expect(subscription).toMatchObject({ status: 'active', currency: 'jpy', organizationId: demoCorp.id });
    const invoices = await db.select().from(stripeInvoices).where(eq(stripeInvoices.customerId, demoCorp.stripeCustomerId));
    expect(invoices.filter((i) => i.status === 'paid').length).toBeGreaterThanOrEqual(3);
    expect(await findCustomerMirrorDrift(demoCorp.stripeCustomerId, { stripe: testStripe() })).toEqual([]);
  });

  it('gives the bank-transfer customer an open invoice with a due date and the bank details footer', async () => {
    const transfer = first.organizations.find((o) => o.name !== 'Demo Corp')!;
    const [invoice] = await testDb().select().from(stripeInvoices).where(eq(stripeInvoices.customerId, transfer.stripeCustomerId));
    expect(invoice).toMatchObject({ status: 'open', collectionMethod: 'send_invoice', organizationId: transfer.id });
    expect(invoice!.dueDate).not.toBeNull();
    expect((invoice!.data as Stripe.Invoice).footer).toContain('お振込先：セイキュー銀行 渋谷支店（001） 普通 1234567');
  });

  it('sets the company’s documents up as a Japanese issuer’s: name, address, registration number, bank account', async () => {
    const branding = await getBrandingSettings();
    expect(branding).toMatchObject({ companyName: '株式会社セイキュー', registrationNumber: 'T7123456789012', showSupportPhone: true });
    expect(branding.bankDetails).toContain('口座名義：カ）セイキュー');
    // The registration number reaches Stripe too, as the account's jp_trn tax id (what Stripe's own PDF prints).
    const ids = await testStripe().taxIds.list({ owner: { type: 'self' } });
    expect(ids.data.map((id) => [id.type, id.value])).toContainEqual(['jp_trn', 'T7123456789012']);
  });

  it('creates the demo people: the customer owner, the bank-transfer owner and an operator', async () => {
    const db = testDb();
    const emails = (await db.select({ email: users.email }).from(users)).map((u) => u.email).sort();
    expect(emails).toEqual([DEMO_BANK_TRANSFER_EMAIL, DEMO_CUSTOMER_EMAIL, DEMO_OPERATOR_EMAIL].sort());
    const [operator] = await db.select({ email: users.email, role: operators.role }).from(operators).innerJoin(users, eq(users.id, operators.userId));
    expect(operator).toEqual({ email: DEMO_OPERATOR_EMAIL, role: 'admin' });
  });

  it('adds nothing on a second run, in Stripe or in the database', async () => {
    const stripe = testStripe();
    const stripeBefore = await stripeInventory(stripe);
    const dbBefore = await databaseCounts();
    const second = await seedDemo({ db: testDb(), stripe });
    expect(second.created).toEqual([]);
    expect(second.organizations).toEqual(first.organizations);
    expect(await stripeInventory(stripe)).toEqual(stripeBefore);
    expect(await databaseCounts()).toEqual(dbBefore);
    expect(await findCatalogMirrorDrift({ stripe })).toEqual([]);
  }, 120_000);
});
