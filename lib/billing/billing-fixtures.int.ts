// Shared set-up for the billing integration tests: a fresh database with the seeded catalogue mirrored, an
// owner, and organizations provisioned on the free tier the way onboarding does it. Imported by *.int.test.ts only.
import type Stripe from 'stripe';
import { expect } from 'vitest';
import { memberships, organizations, users } from '@/db/schema';
import { seedCatalog, type SeedCatalogResult } from '@/lib/demo/seed-catalog';
import { provisionOrganizationBilling } from '@/lib/organizations/provision-billing';
import { syncStripeCatalog } from '@/lib/stripe-sync';
import { resetDatabase, testDb, testStripe, uniqueSuffix } from '@/test/integration/helpers';
import { AppError } from '@/lib/errors';
import type { BillingInputReason } from './subscriptions/billing-input-error';

export type TestOrganization = { id: string; currency: string; stripeCustomerId: string; timeZone: string };

/** Empties the database, seeds the catalogue through the emulator and mirrors it. For `beforeAll`. */
export async function setUpBillingCatalog(): Promise<{ stripe: Stripe; catalog: SeedCatalogResult }> {
  await resetDatabase();
  const stripe = testStripe();
  const catalog = await seedCatalog(stripe);
  await syncStripeCatalog();
  return { stripe, catalog };
}

export async function createTestUser(): Promise<string> {
  const [user] = await testDb().insert(users).values({ email: `owner-${uniqueSuffix()}@example.com` }).returning();
  return user!.id;
}

/** An organization owned by `ownerUserId`, with its Stripe customer on the free tier. */
export async function createTestOrganization(
  ownerUserId: string,
  currency: 'jpy' | 'usd',
  options: { billingEmail?: boolean } = {},
): Promise<TestOrganization> {
  const db = testDb();
  const billingEmail = options.billingEmail === false ? undefined : `${uniqueSuffix()}@example.com`;
  const [org] = await db.insert(organizations).values({ name: `Org ${uniqueSuffix()}`, currency, billingEmail }).returning();
  await db.insert(memberships).values({ organizationId: org!.id, userId: ownerUserId, role: 'owner' });
  const { customerId } = await provisionOrganizationBilling({ organizationId: org!.id, email: `${uniqueSuffix()}@example.com`, locale: 'en' });
  return { id: org!.id, currency, stripeCustomerId: customerId, timeZone: org!.timeZone };
}

export async function expectRefused(run: () => Promise<unknown>, reason: BillingInputReason): Promise<void> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).reason).toBe(reason);
  expect((error as AppError).userMessageKey?.key).toBe(`plans.errors.${reason}`);
}
