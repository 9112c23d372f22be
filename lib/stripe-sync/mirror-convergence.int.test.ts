// The mirror converges on Stripe whatever the order of webhook deliveries, and the backfill produces the same
// mirror from nothing. "Equals Stripe" is checked against a fresh read through the SDK after the fact.
import { eq, inArray } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations, stripeCustomers, stripeEvents, stripeInvoices, stripePaymentMethods, stripePrices, stripeProducts, stripeSubscriptionItems, stripeSubscriptions } from '@/db/schema';
import { closeTestDb, resetDatabase, testDb, testStripe, uniqueSuffix } from '@/test/integration/helpers';
import { deliver } from '@/lib/webhooks/test-delivery';
import { seededShuffle } from '@/scripts/lib/seeded-shuffle';
import { listAll } from './context';
import { backfillStripeMirror, findCatalogMirrorDrift, findCustomerMirrorDrift } from './index';

type Scenario = {
  organizationId: string;
  customers: { upgraded: string; canceled: string; bankTransfer: string; deleted: string };
  productId: string;
  priceIds: string[];
  since: number;
};

type Setup = Scenario & {
  monthly: string;
  annual: string;
  upgradedSubscription: Stripe.Subscription;
  canceledSubscription: string;
  transferSubscription: Stripe.Subscription;
  key: (step: string) => string;
};

/** Phase one: customers with cards and subscriptions (this phase's events include full customer syncs). */
async function setUpScenario(stripe: Stripe): Promise<Setup> {
  const tag = uniqueSuffix();
  const key = (step: string) => `convergence:${tag}:${step}`;
  const since = Math.floor(Date.now() / 1000) - 2;
  const [organization] = await testDb().insert(organizations).values({ name: `Convergence ${tag}`, currency: 'jpy' }).returning();

  const product = await stripe.products.create({ name: `Convergence plan ${tag}` }, { idempotencyKey: key('product') });
  const monthly = await stripe.prices.create(
    { product: product.id, currency: 'jpy', unit_amount: 1200, currency_options: { usd: { unit_amount: 1000 } }, recurring: { interval: 'month' } },
    { idempotencyKey: key('monthly') },
  );
  const annual = await stripe.prices.create(
    { product: product.id, currency: 'jpy', unit_amount: 12000, currency_options: { usd: { unit_amount: 10000 } }, recurring: { interval: 'year' } },
    { idempotencyKey: key('annual') },
  );

  const withCard = async (name: string, metadata: Record<string, string> = {}) => {
    const customer = await stripe.customers.create({ name, email: `${name.toLowerCase()}-${tag}@example.test`, metadata }, { idempotencyKey: key(`customer-${name}`) });
    const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id }, { idempotencyKey: key(`card-${name}`) });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: card.id } }, { idempotencyKey: key(`default-${name}`) });
    return customer;
  };

  const upgraded = await withCard('Upgraded', { organization_id: organization!.id });
  const upgradedSubscription = await stripe.subscriptions.create(
    { customer: upgraded.id, items: [{ price: monthly.id, quantity: 2 }] },
    { idempotencyKey: key('sub-upgraded') },
  );
  await stripe.customers.update(upgraded.id, { name: 'Upgraded KK', preferred_locales: ['ja'] }, { idempotencyKey: key('rename') });

  const canceled = await withCard('Canceled');
  const canceledSubscription = await stripe.subscriptions.create({ customer: canceled.id, items: [{ price: monthly.id }] }, { idempotencyKey: key('sub-canceled') });

  const bankTransfer = await withCard('Transfer');
  const transferSubscription = await stripe.subscriptions.create(
    { customer: bankTransfer.id, items: [{ price: annual.id }], collection_method: 'send_invoice', days_until_due: 14 },
    { idempotencyKey: key('sub-transfer') },
  );

  const deleted = await stripe.customers.create({ name: 'Gone', email: `gone-${tag}@example.test` }, { idempotencyKey: key('gone') });

  return {
    organizationId: organization!.id,
    customers: { upgraded: upgraded.id, canceled: canceled.id, bankTransfer: bankTransfer.id, deleted: deleted.id },
    productId: product.id,
    priceIds: [monthly.id, annual.id],
    since,
    monthly: monthly.id,
    annual: annual.id,
    upgradedSubscription,
    canceledSubscription: canceledSubscription.id,
    transferSubscription,
    key,
  };
}

/**
 * Phase two: changes that produce only object-level events (no customer.* event re-reads everything), so each
 * handler's own re-read is what brings the mirror up to date.
 */
async function changeScenario(stripe: Stripe, setup: Setup): Promise<void> {
  const { key } = setup;
  const item = setup.upgradedSubscription.items.data[0]!.id;
  await stripe.subscriptions.update(setup.upgradedSubscription.id, { items: [{ id: item, quantity: 5 }], proration_behavior: 'create_prorations' }, { idempotencyKey: key('seats') });
  await stripe.subscriptions.update(
    setup.upgradedSubscription.id,
    { items: [{ id: item, price: setup.annual, quantity: 5 }], proration_behavior: 'always_invoice' },
    { idempotencyKey: key('annual-switch') },
  );
  await stripe.subscriptions.cancel(setup.canceledSubscription, {}, { idempotencyKey: key('cancel') });

  const draftId = typeof setup.transferSubscription.latest_invoice === 'string' ? setup.transferSubscription.latest_invoice : setup.transferSubscription.latest_invoice?.id;
  if (draftId && (await stripe.invoices.retrieve(draftId)).status === 'draft') {
    await stripe.invoices.finalizeInvoice(draftId, {}, { idempotencyKey: key('finalize') });
  }
  const spare = await stripe.paymentMethods.attach('pm_card_mastercard', { customer: setup.customers.bankTransfer }, { idempotencyKey: key('spare') });
  await stripe.paymentMethods.detach(spare.id, {}, { idempotencyKey: key('detach') });
  await stripe.products.update(setup.productId, { description: 'per seat' }, { idempotencyKey: key('product-update') });
  await stripe.customers.del(setup.customers.deleted, {}, { idempotencyKey: key('delete') });
}

/** The events Stripe recorded about this scenario's objects, oldest first. */
async function scenarioEvents(stripe: Stripe, scenario: Scenario, seen: Set<string> = new Set()): Promise<Stripe.Event[]> {
  const ours = new Set<string>([...Object.values(scenario.customers), scenario.productId, ...scenario.priceIds]);
  const events = await listAll(stripe.events.list({ created: { gte: scenario.since }, limit: 100 }));
  return events
    .filter((event) => {
      const object = event.data.object as { id?: string; customer?: string | null };
      const previous = (event.data.previous_attributes ?? {}) as { customer?: string | null };
      if (seen.has(event.id)) return false;
      return ours.has(object.id ?? '') || ours.has(object.customer ?? '') || ours.has(previous.customer ?? '');
    })
    .reverse();
}

async function expectMirrorEqualsStripe(stripe: Stripe, scenario: Scenario) {
  for (const customerId of [scenario.customers.upgraded, scenario.customers.canceled, scenario.customers.bankTransfer]) {
    expect(await findCustomerMirrorDrift(customerId, { stripe }), `drift for ${customerId}`).toEqual([]);
  }
  const catalogDrift = await findCatalogMirrorDrift({ stripe });
  const ours = new Set([scenario.productId, ...scenario.priceIds]);
  expect(catalogDrift.filter((d) => ours.has(d.id))).toEqual([]);

  // The same facts, read straight from the SDK, as a user of the mirror would look at them.
  const db = testDb();
  const upgradedSubs = await stripe.subscriptions.list({ customer: scenario.customers.upgraded, status: 'all' });
  const [mirroredUpgraded] = await db.select().from(stripeSubscriptions).where(eq(stripeSubscriptions.customerId, scenario.customers.upgraded));
  expect(mirroredUpgraded).toMatchObject({ status: upgradedSubs.data[0]!.status, organizationId: scenario.organizationId });
  const items = await db.select().from(stripeSubscriptionItems).where(eq(stripeSubscriptionItems.subscriptionId, mirroredUpgraded!.id));
  expect(items.map((i) => [i.priceId, i.quantity])).toEqual([[scenario.priceIds[1], 5]]);

  const [mirroredCanceled] = await db.select().from(stripeSubscriptions).where(eq(stripeSubscriptions.customerId, scenario.customers.canceled));
  expect(mirroredCanceled?.status).toBe('canceled');

  const transferInvoices = await db.select().from(stripeInvoices).where(eq(stripeInvoices.customerId, scenario.customers.bankTransfer));
  expect(transferInvoices.map((i) => [i.status, i.collectionMethod])).toEqual([['open', 'send_invoice']]);
  expect(transferInvoices[0]!.dueDate).not.toBeNull();
  const cards = await db.select().from(stripePaymentMethods).where(eq(stripePaymentMethods.customerId, scenario.customers.bankTransfer));
  expect(cards.map((c) => c.cardBrand)).toEqual(['visa']);

  const gone = await db.select().from(stripeCustomers).where(eq(stripeCustomers.id, scenario.customers.deleted));
  expect(gone.every((c) => c.deleted)).toBe(true);
}

/** Delivers the events shuffled with duplicates, then runs the scheduled processing shuffled, four at a time. */
async function playShuffled(stripe: Stripe, events: Stripe.Event[], seed: number): Promise<void> {
  const stream = seededShuffle([...events, ...events.filter((_, i) => i % 3 === 0), ...events.filter((_, i) => i % 5 === 0)], seed);
  const tasks: (() => Promise<void>)[] = [];
  for (const event of stream) {
    const { response, scheduled } = await deliver(event, { stripe });
    expect(response.status, `delivery of ${event.id} (seed ${seed})`).toBe(200);
    tasks.push(...scheduled);
  }
  expect(tasks).toHaveLength(events.length); // each duplicate acknowledged without scheduling work
  const order = seededShuffle(tasks, seed + 1);
  for (let i = 0; i < order.length; i += 4) await Promise.all(order.slice(i, i + 4).map((task) => task()));

  const ledger = await testDb().select().from(stripeEvents).where(inArray(stripeEvents.id, events.map((e) => e.id)));
  expect(ledger).toHaveLength(events.length);
  expect(ledger.filter((row) => row.status !== 'processed' && row.status !== 'ignored').map((r) => [r.id, r.type, r.lastError])).toEqual([]);
  expect(ledger.every((row) => row.attempts === 1)).toBe(true);
}

describe('Stripe mirror convergence', () => {
  let scenario: Setup;
  beforeAll(async () => {
    await resetDatabase();
    scenario = await setUpScenario(testStripe());
  }, 60_000);
  afterAll(closeTestDb);

  it('ends equal to Stripe after shuffled, duplicated, concurrently processed event streams', async () => {
    const stripe = testStripe();
    const seed = Date.now() % 100_000;
    const setupEvents = await scenarioEvents(stripe, scenario);
    await playShuffled(stripe, setupEvents, seed);

    await changeScenario(stripe, scenario);
    const changeEvents = await scenarioEvents(stripe, scenario, new Set(setupEvents.map((e) => e.id)));
    const types = new Set(changeEvents.map((e) => e.type));
    for (const type of ['customer.subscription.updated', 'customer.subscription.deleted', 'invoice.finalized', 'payment_method.detached', 'product.updated', 'customer.deleted']) {
      expect(types, `the second stream should contain ${type}`).toContain(type);
    }
    expect([...types].filter((t) => ['customer.created', 'customer.updated'].includes(t))).toEqual([]);
    await playShuffled(stripe, changeEvents, seed + 2);

    await expectMirrorEqualsStripe(stripe, scenario);
  });

  it('backfills the same mirror from an empty database, and a second backfill changes nothing', async () => {
    const stripe = testStripe();
    await resetDatabase();
    await testDb().insert(organizations).values({ id: scenario.organizationId, name: 'Convergence (restored)', currency: 'jpy' });

    const first = await backfillStripeMirror({ stripe });
    expect(first.customers).toBeGreaterThanOrEqual(3);
    expect(first.products).toBeGreaterThanOrEqual(1);
    await expectMirrorEqualsStripe(stripe, scenario);
    expect(await findCatalogMirrorDrift({ stripe })).toEqual([]);

    const counts = async () => {
      const db = testDb();
      return Promise.all([stripeCustomers, stripeSubscriptions, stripeInvoices, stripePaymentMethods, stripeProducts, stripePrices].map(async (t) => (await db.select().from(t)).length));
    };
    const before = await counts();
    const second = await backfillStripeMirror({ stripe });
    expect(second).toEqual(first);
    expect(await counts()).toEqual(before);
    await expectMirrorEqualsStripe(stripe, scenario);
  });
});
