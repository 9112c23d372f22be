// The operators' customer workplace end to end through the server actions: notes (add, edit, delete, each
// audited with before/after), the per-customer collection method applied in Stripe, Resync from Stripe,
// replaying webhook ledger events — and the refusals: support may write notes and resync, but replaying
// events or changing the collection method is forbidden and changes nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { auditLog, customerNotes, operators, stripeCustomers, stripeEvents, stripeSubscriptions, users } from '@/db/schema';
import type { User } from '@/db/queries/users';
import { createTestOrganization, createTestUser, setUpBillingCatalog, type TestOrganization } from '@/lib/billing/billing-fixtures.int';
import { closeTestDb, testDb, uniqueSuffix } from '@/test/integration/helpers';

const session = vi.hoisted(() => ({ user: null as User | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('@/lib/i18n/server', () => ({ getTranslations: async () => (key: string) => `t:${key}` }));

const { addCustomerNoteAction, editCustomerNoteAction, deleteCustomerNoteAction } = await import('@/lib/actions/customers/customer-notes');
const { setCustomerCollectionAction, resyncCustomerAction } = await import('@/lib/actions/customers/customer-settings');
const { replayEventAction, replayFailedEventsAction } = await import('@/lib/actions/admin/replay-events');

async function operator(role: 'admin' | 'support'): Promise<User> {
  const [user] = await testDb().insert(users).values({ email: `${role}-${uniqueSuffix()}@example.com` }).returning();
  await testDb().insert(operators).values({ userId: user!.id, role });
  return user!;
}

const auditActions = async (organizationId: string | null) =>
  (await testDb().select().from(auditLog)).filter((a) => a.organizationId === organizationId).map((a) => a.action);

describe('customer back-office actions', () => {
  let stripe: Stripe;
  let org: TestOrganization;
  let admin: User;
  let support: User;

  beforeAll(async () => {
    ({ stripe } = await setUpBillingCatalog());
    org = await createTestOrganization(await createTestUser(), 'jpy');
    admin = await operator('admin');
    support = await operator('support');
  });
  beforeEach(() => {
    session.user = null;
  });
  afterAll(closeTestDb);

  it('adds, edits and deletes a note, each audited with who and the text before and after', async () => {
    session.user = support;
    const added = await addCustomerNoteAction({ organizationId: org.id, body: '  Pays on the 25th  ' });
    const noteId = added.data!.noteId;
    session.user = admin;
    expect((await editCustomerNoteAction({ organizationId: org.id, noteId, body: 'Pays on the 25th by transfer' })).data).toEqual({ noteId });
    const [note] = await testDb().select().from(customerNotes).where(eq(customerNotes.id, noteId));
    expect(note).toMatchObject({ body: 'Pays on the 25th by transfer', authorId: support.id, updatedById: admin.id });

    // An empty note or another organization's note id is refused and changes nothing.
    expect((await editCustomerNoteAction({ organizationId: org.id, noteId, body: '   ' })).validationErrors).toBeDefined();
    expect((await deleteCustomerNoteAction({ organizationId: 'org_other', noteId })).serverError?.code).toBe('not_found');

    expect((await deleteCustomerNoteAction({ organizationId: org.id, noteId })).data).toEqual({ deleted: true });
    expect(await testDb().select().from(customerNotes)).toEqual([]);

    const entries = (await testDb().select().from(auditLog)).filter((a) => a.action.startsWith('note.'));
    expect(entries.map((e) => [e.action, e.actorId, e.data])).toEqual([
      ['note.created', support.id, { before: null, after: 'Pays on the 25th' }],
      ['note.updated', admin.id, { before: 'Pays on the 25th', after: 'Pays on the 25th by transfer' }],
      ['note.deleted', admin.id, { before: 'Pays on the 25th by transfer', after: null }],
    ]);
  });

  it('refuses support changing the collection method: forbidden, nothing changed in Stripe or the mirror', async () => {
    session.user = support;
    const before = await auditActions(org.id);
    const result = await setCustomerCollectionAction({ organizationId: org.id, collectionMethod: 'send_invoice', daysUntilDue: 14 });
    expect(result.serverError?.code).toBe('forbidden');
    const [sub] = await testDb().select().from(stripeSubscriptions).where(eq(stripeSubscriptions.organizationId, org.id));
    expect((await stripe.subscriptions.retrieve(sub!.id)).collection_method).toBe('charge_automatically');
    expect(sub!.collectionMethod).toBe('charge_automatically');
    expect(await auditActions(org.id)).toEqual(before);
  });

  it('lets an admin switch the customer to bank transfer: applied in Stripe, mirrored and audited; a repeat changes nothing', async () => {
    session.user = admin;
    const result = await setCustomerCollectionAction({ organizationId: org.id, collectionMethod: 'send_invoice', daysUntilDue: 14 });
    expect(result.data).toEqual({ updated: 1 });
    const [sub] = await testDb().select().from(stripeSubscriptions).where(eq(stripeSubscriptions.organizationId, org.id));
    const live = await stripe.subscriptions.retrieve(sub!.id);
    expect([live.collection_method, live.days_until_due]).toEqual(['send_invoice', 14]);
    expect([sub!.collectionMethod, sub!.daysUntilDue]).toEqual(['send_invoice', 14]);
    expect((await setCustomerCollectionAction({ organizationId: org.id, collectionMethod: 'send_invoice', daysUntilDue: 14 })).data).toEqual({ updated: 0 });
    const [entry] = (await testDb().select().from(auditLog)).filter((a) => a.action === 'customer.collection_updated');
    expect(entry).toMatchObject({ actorId: admin.id, organizationId: org.id, data: { from: 'charge_automatically', to: 'send_invoice', after: { collectionMethod: 'send_invoice', daysUntilDue: 14 } } });
    // Bad input: negative days are refused before anything happens.
    expect((await setCustomerCollectionAction({ organizationId: org.id, collectionMethod: 'send_invoice', daysUntilDue: -1 })).validationErrors).toBeDefined();
  });

  it('resyncs the customer from Stripe (support may), repairing a stale mirror, audited', async () => {
    await testDb().update(stripeCustomers).set({ email: 'stale@example.com' }).where(eq(stripeCustomers.id, org.stripeCustomerId));
    session.user = support;
    const result = await resyncCustomerAction({ organizationId: org.id });
    expect(result.data).toMatchObject({ subscriptions: 1 });
    const [customer] = await testDb().select().from(stripeCustomers).where(eq(stripeCustomers.id, org.stripeCustomerId));
    expect(customer!.email).toBe((await stripe.customers.retrieve(org.stripeCustomerId) as Stripe.Customer).email);
    expect(await auditActions(org.id)).toContain('customer.resynced');
  });

  it('replays a failed ledger event for admins only; the replay converges the mirror and is audited', async () => {
    const eventId = `evt_replay_${uniqueSuffix()}`;
    await testDb()
      .insert(stripeEvents)
      .values({
        id: eventId,
        type: 'customer.updated',
        objectId: org.stripeCustomerId,
        stripeCreated: new Date(),
        status: 'failed',
        attempts: 9,
        lastError: 'connection reset',
        payload: { id: eventId, object: 'event', type: 'customer.updated', created: 1, livemode: false, data: { object: { id: org.stripeCustomerId, object: 'customer' } } },
      });
    await testDb().update(stripeCustomers).set({ email: 'stale-again@example.com' }).where(eq(stripeCustomers.id, org.stripeCustomerId));

    session.user = support;
    expect((await replayEventAction({ eventId })).serverError?.code).toBe('forbidden');
    expect((await replayFailedEventsAction({})).serverError?.code).toBe('forbidden');
    const [stillFailed] = await testDb().select().from(stripeEvents).where(eq(stripeEvents.id, eventId));
    expect(stillFailed!.status).toBe('failed');
    expect(await auditActions(null)).not.toContain('event.replayed');

    session.user = admin;
    expect((await replayFailedEventsAction({})).data).toMatchObject({ processed: 1, failed: 0 });
    const [done] = await testDb().select().from(stripeEvents).where(eq(stripeEvents.id, eventId));
    expect(done!.status).toBe('processed');
    const [customer] = await testDb().select().from(stripeCustomers).where(eq(stripeCustomers.id, org.stripeCustomerId));
    expect(customer!.email).not.toBe('stale-again@example.com');
    // Replaying the processed event again is harmless: processed again, same mirror.
    expect((await replayEventAction({ eventId })).data).toEqual({ outcome: 'processed' });
    expect((await auditActions(null)).filter((a) => a.startsWith('event'))).toEqual(['events.replayed_failed', 'event.replayed']);
  });
});
