// The portal's invoice, billing-details and member actions against the database and the Stripe emulator:
// a member (view only) is refused by every one of them, other organizations' ids are not found, bad input is
// refused with field errors, and none of those change anything, in the database or on Stripe.
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, invitations, memberships, organizations } from '@/db/schema';
import type { User } from '@/db/queries/users';
import { syncStripeCustomer } from '@/lib/stripe-sync';
import { closeTestDb, insertTestUser, resetDatabase, testDb, testStripe, uniqueSuffix } from '@/test/integration/helpers';

const session = vi.hoisted(() => ({ user: null as User | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));
vi.mock('next-intl/server', () => ({
  getLocale: async () => 'en',
}));
vi.mock('@/lib/i18n/server', () => ({ getTranslations: async () => Object.assign((key: string) => `t:${key}`, { has: () => true }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const { payInvoiceAction } = await import('./pay-invoice');
const { updateBillingDetailsAction } = await import('./update-billing-details');
const { inviteMemberAction } = await import('./invite-member');
const { changeMemberRoleAction } = await import('./change-member-role');
const { removeMemberAction } = await import('./remove-member');
const { revokeInvitationAction } = await import('./revoke-invitation');
const { acceptInvitationsOnSignIn } = await import('@/lib/billing/members/accept-invitations');

const details = {
  companyName: 'Kobe Scheduling KK',
  billingEmail: 'accounts@kobe.example',
  line1: '1-2-3 Sannomiya',
  line2: '',
  city: 'Kobe',
  state: 'Hyogo',
  postalCode: '650-0021',
  country: 'JP' as const,
  taxIdType: 'jp_trn' as const,
  taxIdValue: 'T1234567890123',
  invoiceLanguage: 'ja' as const,
};

/** An organization with a Stripe customer (mirrored) and an open invoice; `people` joined with their roles. */
async function organizationWith(people: { user: User; role: 'owner' | 'billing' | 'member' }[]) {
  const stripe = testStripe();
  const [org] = await testDb().insert(organizations).values({ name: `Org ${uniqueSuffix()}`, currency: 'jpy' }).returning();
  const customer = await stripe.customers.create({ email: `billing-${uniqueSuffix()}@example.com`, metadata: { organization_id: org!.id } });
  await testDb().update(organizations).set({ stripeCustomerId: customer.id }).where(eq(organizations.id, org!.id));
  await testDb().insert(memberships).values(people.map(({ user, role }) => ({ organizationId: org!.id, userId: user.id, role })));
  const draft = await stripe.invoices.create({ customer: customer.id, currency: 'jpy', collection_method: 'send_invoice', days_until_due: 14, auto_advance: false });
  await stripe.invoiceItems.create({ customer: customer.id, invoice: draft.id, amount: 5000, currency: 'jpy', description: 'Workshop' });
  const invoice = await stripe.invoices.finalizeInvoice(draft.id, { auto_advance: false });
  await syncStripeCustomer(customer.id);
  return { id: org!.id, customerId: customer.id, invoiceId: invoice.id };
}

async function state(organizationId: string, customerId: string) {
  const customer = await testStripe().customers.retrieve(customerId);
  const taxIds = await testStripe().customers.listTaxIds(customerId);
  return {
    memberships: (await testDb().select().from(memberships).where(eq(memberships.organizationId, organizationId))).map((m) => `${m.userId}:${m.role}`).sort(),
    invitations: (await testDb().select().from(invitations).where(eq(invitations.organizationId, organizationId))).length,
    audit: (await testDb().select().from(auditLog).where(eq(auditLog.organizationId, organizationId))).length,
    customer: 'deleted' in customer && customer.deleted ? null : { name: customer.name, address: customer.address, locales: customer.preferred_locales },
    taxIds: taxIds.data.length,
    invoiceStatus: (await testStripe().invoices.retrieve((await testStripe().invoices.list({ customer: customerId })).data[0]!.id)).status,
  };
}

describe('portal billing actions', () => {
  beforeEach(async () => {
    await resetDatabase();
    session.user = null;
  });
  afterAll(closeTestDb);

  it('refuses a member (view only) in every mutating action and changes nothing', async () => {
    const owner = await insertTestUser('owner');
    const viewer = await insertTestUser('viewer');
    const org = await organizationWith([
      { user: owner, role: 'owner' },
      { user: viewer, role: 'member' },
    ]);
    const [pending] = await testDb().insert(invitations).values({ organizationId: org.id, email: 'someone@example.com', role: 'member' }).returning();
    const before = await state(org.id, org.customerId);

    session.user = viewer;
    const results = [
      await payInvoiceAction({ organizationId: org.id, invoiceId: org.invoiceId, attempt: crypto.randomUUID() }),
      await updateBillingDetailsAction({ organizationId: org.id, ...details }),
      await inviteMemberAction({ organizationId: org.id, email: 'new@example.com', role: 'owner' }),
      await changeMemberRoleAction({ organizationId: org.id, userId: viewer.id, role: 'owner' }),
      await removeMemberAction({ organizationId: org.id, userId: owner.id }),
      await revokeInvitationAction({ organizationId: org.id, invitationId: pending!.id }),
    ];
    expect(results.map((r) => r.serverError?.code)).toEqual(['forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden']);
    expect(await state(org.id, org.customerId)).toEqual(before);
  });

  it('lets a billing manager change billing details but not members', async () => {
    const owner = await insertTestUser('owner');
    const billing = await insertTestUser('billing');
    const org = await organizationWith([
      { user: owner, role: 'owner' },
      { user: billing, role: 'billing' },
    ]);
    session.user = billing;
    expect((await inviteMemberAction({ organizationId: org.id, email: 'new@example.com', role: 'member' })).serverError?.code).toBe('forbidden');
    const saved = await updateBillingDetailsAction({ organizationId: org.id, ...details });
    expect(saved.data).toEqual({ saved: true, changed: ['company_name', 'billing_email', 'address', 'tax_id', 'invoice_language'] });

    const customer = await testStripe().customers.retrieve(org.customerId);
    expect(customer).toMatchObject({
      name: 'Kobe Scheduling KK',
      email: 'accounts@kobe.example',
      preferred_locales: ['ja'],
      address: { line1: '1-2-3 Sannomiya', city: 'Kobe', state: 'Hyogo', postal_code: '650-0021', country: 'JP' },
    });
    expect((await testStripe().customers.listTaxIds(org.customerId)).data.map((t) => t.value)).toEqual(['T1234567890123']);
    const [entry] = await testDb().select().from(auditLog).where(eq(auditLog.action, 'billing_details.updated'));
    expect(entry).toMatchObject({ organizationId: org.id, actorId: billing.id });

    // The same details again change nothing; a different tax id replaces the old one.
    expect((await updateBillingDetailsAction({ organizationId: org.id, ...details })).data).toEqual({ saved: true, changed: [] });
    await updateBillingDetailsAction({ organizationId: org.id, ...details, taxIdType: 'jp_cn', taxIdValue: '1234567890123' });
    expect((await testStripe().customers.listTaxIds(org.customerId)).data.map((t) => [t.type, t.value])).toEqual([['jp_cn', '1234567890123']]);
  });

  it("does not find another organization's invoice, member or invitation, and refuses bad input, changing nothing", async () => {
    const owner = await insertTestUser('owner');
    const otherOwner = await insertTestUser('other-owner');
    const org = await organizationWith([{ user: owner, role: 'owner' }]);
    const other = await organizationWith([{ user: otherOwner, role: 'owner' }]);
    const [otherInvitation] = await testDb().insert(invitations).values({ organizationId: other.id, email: 'x@example.com', role: 'member' }).returning();
    const before = [await state(org.id, org.customerId), await state(other.id, other.customerId)];

    session.user = owner;
    expect((await payInvoiceAction({ organizationId: org.id, invoiceId: other.invoiceId, attempt: crypto.randomUUID() })).serverError?.code).toBe('not_found');
    expect((await payInvoiceAction({ organizationId: other.id, invoiceId: other.invoiceId, attempt: crypto.randomUUID() })).serverError?.code).toBe('not_found');
    expect((await changeMemberRoleAction({ organizationId: org.id, userId: otherOwner.id, role: 'member' })).serverError?.code).toBe('not_found');
    expect((await removeMemberAction({ organizationId: org.id, userId: otherOwner.id })).serverError?.code).toBe('not_found');
    expect((await revokeInvitationAction({ organizationId: org.id, invitationId: otherInvitation!.id })).serverError?.code).toBe('not_found');
    expect((await updateBillingDetailsAction({ organizationId: other.id, ...details })).serverError?.code).toBe('not_found');

    const invalid = [
      await payInvoiceAction({ organizationId: org.id, invoiceId: org.invoiceId, attempt: 'again' }),
      await payInvoiceAction({ organizationId: org.id, invoiceId: 'ch_123', attempt: crypto.randomUUID() }),
      await updateBillingDetailsAction({ organizationId: org.id, ...details, postalCode: '6500' }),
      await updateBillingDetailsAction({ organizationId: org.id, ...details, taxIdValue: '123' }),
      await updateBillingDetailsAction({ organizationId: org.id, ...details, country: 'XX' as 'JP' }),
      await inviteMemberAction({ organizationId: org.id, email: 'not-an-email', role: 'member' }),
      await inviteMemberAction({ organizationId: org.id, email: 'ok@example.com', role: 'admin' as 'member' }),
    ];
    expect(invalid.map((r) => Boolean(r.validationErrors))).toEqual([true, true, true, true, true, true, true]);
    expect([await state(org.id, org.customerId), await state(other.id, other.customerId)]).toEqual(before);
  });

  it('never leaves an organization without an owner; invitations become memberships on sign-in', async () => {
    const owner = await insertTestUser('owner');
    const org = await organizationWith([{ user: owner, role: 'owner' }]);
    session.user = owner;
    expect((await removeMemberAction({ organizationId: org.id, userId: owner.id })).serverError).toEqual({ code: 'conflict', error: 't:lastOwner' });
    expect((await changeMemberRoleAction({ organizationId: org.id, userId: owner.id, role: 'billing' })).serverError?.code).toBe('conflict');

    const invitee = await insertTestUser('invitee');
    expect((await inviteMemberAction({ organizationId: org.id, email: invitee.email.toUpperCase(), role: 'owner' })).data).toEqual({ invited: invitee.email });
    // Inviting an existing member is refused; inviting again renews the pending invitation.
    expect((await inviteMemberAction({ organizationId: org.id, email: owner.email, role: 'member' })).serverError?.code).toBe('conflict');
    expect((await inviteMemberAction({ organizationId: org.id, email: invitee.email, role: 'owner' })).data).toEqual({ invited: invitee.email });
    expect(await testDb().select().from(invitations).where(eq(invitations.organizationId, org.id))).toHaveLength(1);

    await acceptInvitationsOnSignIn({ userId: invitee.id, email: invitee.email });
    await acceptInvitationsOnSignIn({ userId: invitee.id, email: invitee.email });
    expect((await state(org.id, org.customerId)).memberships).toEqual([`${owner.id}:owner`, `${invitee.id}:owner`].sort());

    // With a second owner, the first may step down.
    expect((await changeMemberRoleAction({ organizationId: org.id, userId: owner.id, role: 'billing' })).data).toEqual({ role: 'billing' });
    session.user = invitee;
    expect((await removeMemberAction({ organizationId: org.id, userId: invitee.id })).serverError?.code).toBe('conflict');
    expect((await removeMemberAction({ organizationId: org.id, userId: owner.id })).data).toEqual({ removed: owner.id });
    const actions = (await testDb().select().from(auditLog).where(eq(auditLog.organizationId, org.id))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['member.invited', 'member.joined', 'member.role_changed', 'member.removed']));
  });
});
