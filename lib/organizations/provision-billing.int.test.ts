// Sign-up's billing set-up against the emulator through the real SDK: one customer and one free subscription
// per organization however often it runs, and the mirror shows the plan straight away.
import { createServer } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, organizations, stripeSubscriptions, users } from '@/db/schema';
import { getOrganizationOverview } from '@/db/queries/billing';
import { AppError, toUserMessage } from '@/lib/errors';
import { closeTestDb, resetDatabase, testDb, testStripe, uniqueSuffix } from '@/test/integration/helpers';
import { createOrganization } from './create-organization';
import { FREE_TIER_LOOKUP_KEY, provisionOrganizationBilling } from './provision-billing';

let freePriceId = '';

beforeAll(async () => {
  const stripe = testStripe();
  const existing = await stripe.prices.list({ lookup_keys: [FREE_TIER_LOOKUP_KEY], limit: 1 });
  if (existing.data[0]) {
    freePriceId = existing.data[0].id;
    return;
  }
  const product = await stripe.products.create({ name: 'Free' });
  const price = await stripe.prices.create({
    product: product.id,
    currency: 'jpy',
    unit_amount: 0,
    recurring: { interval: 'month' },
    lookup_key: FREE_TIER_LOOKUP_KEY,
    currency_options: { usd: { unit_amount: 0 } },
  });
  freePriceId = price.id;
});

beforeEach(resetDatabase);
afterAll(closeTestDb);

async function signedUpUser() {
  const [user] = await testDb().insert(users).values({ email: `owner-${uniqueSuffix()}@example.com` }).returning();
  return user!;
}

describe('createOrganization', () => {
  it('creates the organization, its owner, the audit entry, a Stripe customer and the free plan in its currency', async () => {
    const user = await signedUpUser();
    const organization = await createOrganization({ user, name: 'Sato Imaging KK', currency: 'usd', locale: 'ja' });

    const [row] = await testDb().select().from(organizations).where(eq(organizations.id, organization.id));
    expect(row!.stripeCustomerId).toMatch(/^cus_/);
    const customer = await testStripe().customers.retrieve(row!.stripeCustomerId!);
    expect(customer).toMatchObject({ email: user.email, name: 'Sato Imaging KK', preferred_locales: ['ja'], metadata: { organization_id: organization.id } });

    const subscriptions = await testStripe().subscriptions.list({ customer: row!.stripeCustomerId!, status: 'all' });
    expect(subscriptions.data).toHaveLength(1);
    expect(subscriptions.data[0]).toMatchObject({ status: 'active', currency: 'usd' });
    expect(subscriptions.data[0]!.items.data[0]!.price.id).toBe(freePriceId);

    // The mirror was synced right away: the overview shows the plan without waiting for a webhook.
    const overview = await getOrganizationOverview({ organizationId: organization.id }, testDb());
    expect(overview.subscription).toMatchObject({ status: 'active', currency: 'usd' });

    const audit = await testDb().select().from(auditLog).where(eq(auditLog.organizationId, organization.id));
    expect(audit.map((a) => [a.action, a.actorType, a.actorId])).toEqual([['organization.created', 'user', user.id]]);
  });

  it('is idempotent: a repeated submit returns the same organization with one customer and one subscription', async () => {
    const user = await signedUpUser();
    const first = await createOrganization({ user, name: 'Once KK', currency: 'jpy', locale: 'en' });
    const second = await createOrganization({ user, name: 'Twice KK', currency: 'usd', locale: 'en' });
    expect(second.id).toBe(first.id);
    expect(await testDb().select().from(organizations)).toHaveLength(1);

    await provisionOrganizationBilling({ organizationId: first.id, email: user.email, locale: 'en' });
    const [row] = await testDb().select().from(organizations).where(eq(organizations.id, first.id));
    const subscriptions = await testStripe().subscriptions.list({ customer: row!.stripeCustomerId!, status: 'all' });
    expect(subscriptions.data).toHaveLength(1);
    expect(subscriptions.data[0]!.currency).toBe('jpy');
    expect(await testDb().select().from(stripeSubscriptions).where(eq(stripeSubscriptions.organizationId, first.id))).toHaveLength(1);
  });
});

describe('provisionOrganizationBilling when Stripe is unreachable', () => {
  it('answers stripe_unavailable (the "nothing was charged" sentence), links no customer, and succeeds on a retry', async () => {
    const user = await signedUpUser();
    const [organization] = await testDb().insert(organizations).values({ name: 'Offline KK', currency: 'jpy', billingEmail: user.email }).returning();
    // Nothing listens on this port: every call is refused, as when Stripe cannot be reached.
    const unreachable = new Stripe('sk_test_emulator', { host: '127.0.0.1', port: await closedPort(), protocol: 'http', maxNetworkRetries: 0 });

    const failure = await provisionOrganizationBilling({ organizationId: organization!.id, email: user.email, locale: 'en' }, unreachable).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('stripe_unavailable');
    expect(toUserMessage(failure)).toMatch(/nothing was charged/);
    const [row] = await testDb().select().from(organizations).where(eq(organizations.id, organization!.id));
    expect(row!.stripeCustomerId).toBeNull();

    const retried = await provisionOrganizationBilling({ organizationId: organization!.id, email: user.email, locale: 'en' }, testStripe());
    expect(retried.customerId).toMatch(/^cus_/);
  });
});

/** A loopback port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
