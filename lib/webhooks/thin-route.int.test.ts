// POST /api/webhooks/stripe/thin against the real database and the emulator: v2 thin notifications for payees on
// Accounts v2 are verified with the thin-event secret, recorded once in the event ledger, and processed after the
// answer through the same pipeline (failures retried, replay, audit): the payee's status follows its account from
// onboarding to enabled. A payee whose account is v1 still follows account.updated.
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { POST } from '@/app/api/webhooks/stripe/thin/route';
import { auditLog, connectPayees, operators, stripeEvents, users } from '@/db/schema';
import { insertPayee } from '@/db/queries/payees';
import { closeTestDb, resetDatabase, testDb, testStripe, uniqueSuffix } from '@/test/integration/helpers';

vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const { addPayee } = await import('@/lib/connect/add-payee');
const { createPayeeOnboardingLink } = await import('@/lib/connect/onboarding-link');
const { processPendingEvents } = await import('./process');
const { replayStripeEvent } = await import('./replay');
const { deliver, deliverThin, signedRequest, thinNotificationsFor, unreachableStripe } = await import('./test-delivery');

let stripe: Stripe;
let adminId: string;

beforeAll(() => {
  stripe = testStripe();
});
beforeEach(async () => {
  await resetDatabase();
  const [admin] = await testDb().insert(users).values({ email: `admin-${uniqueSuffix()}@example.com` }).returning();
  adminId = admin!.id;
  await testDb().insert(operators).values({ userId: adminId, role: 'admin' });
});
afterAll(closeTestDb);

const ledger = () => testDb().select().from(stripeEvents);
const payeeRow = async (id: string) => (await testDb().select().from(connectPayees).where(eq(connectPayees.id, id)))[0]!;
const statusAudits = () => testDb().select().from(auditLog).where(eq(auditLog.action, 'payee.status_changed'));

async function addDoctor(name: string) {
  return addPayee({ name, email: `${name.toLowerCase()}-${uniqueSuffix()}@example.com`, role: 'reading_doctor', country: 'JP', operatorUserId: adminId }, stripe);
}

/** Submits the emulator's hosted onboarding page for `url` as the payee would. */
async function submitOnboarding(url: string): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    body: new URLSearchParams({ business_name: 'Dr. Test', business_type: 'individual', product_description: 'Remote radiology', tos_acceptance: 'accepted' }),
    redirect: 'manual',
  });
  expect(response.status).toBe(303);
}

describe('POST /api/webhooks/stripe/thin', () => {
  it('a new payee is an Accounts v2 recipient, onboarding with its requirements listed; thin events after onboarding enable it, once, audited', async () => {
    const payee = await addDoctor('Sato');
    expect(payee).toMatchObject({ accountApi: 'v2', status: 'onboarding', detailsSubmitted: false });
    expect(payee.requirementsDue).toContain('tos_acceptance.date');
    const account = await stripe.v2.core.accounts.retrieve(payee.stripeAccountId, { include: ['configuration.recipient', 'defaults', 'identity'] });
    expect(account).toMatchObject({
      dashboard: 'express',
      contact_email: payee.email,
      display_name: 'Sato',
      identity: { country: 'JP' },
      defaults: { responsibilities: { fees_collector: 'application', losses_collector: 'application' } },
      configuration: { recipient: { capabilities: { stripe_balance: { stripe_transfers: { status: 'restricted' } } } } },
    });

    const created = await thinNotificationsFor(stripe, payee.stripeAccountId);
    expect(created.map((n) => n.type)).toEqual(['v2.core.account.created']);
    await submitOnboarding(await createPayeeOnboardingLink({ payee, refreshPath: '/payee/onboarding', returnPath: '/payee/onboarding/return' }, stripe));
    const notifications = await thinNotificationsFor(stripe, payee.stripeAccountId, created[0]!.id as string);
    expect(notifications.map((n) => n.type)).toEqual([
      'v2.core.account[configuration.recipient].capability_status_updated',
      'v2.core.account[requirements].updated',
      'v2.core.account.updated',
    ]);
    expect(notifications[0]).not.toHaveProperty('data');

    // Answered before processing: the payee is still onboarding when the 200 goes out.
    const first = await deliverThin(notifications[0]!, { stripe });
    expect(first.response.status).toBe(200);
    expect(await first.response.json()).toEqual({ received: true });
    expect((await payeeRow(payee.id)).status).toBe('onboarding');
    for (const task of first.scheduled) await task();
    expect(await payeeRow(payee.id)).toMatchObject({ status: 'enabled', requirementsDue: [], detailsSubmitted: true, disabledReason: null });
    const [recorded] = await ledger();
    expect(recorded).toMatchObject({ id: notifications[0]!.id, type: notifications[0]!.type, status: 'processed', objectId: payee.stripeAccountId, apiVersion: null });

    // The other two converge on the same state: processed, no second status change.
    for (const notification of notifications.slice(1)) {
      const delivery = await deliverThin(notification, { stripe });
      for (const task of delivery.scheduled) await task();
    }
    expect((await ledger()).map((e) => e.status)).toEqual(['processed', 'processed', 'processed']);
    const audits = await statusAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorType: 'stripe', actorId: notifications[0]!.id, targetId: payee.id });
    expect(audits[0]!.data).toMatchObject({ before: { status: 'onboarding' }, after: { status: 'enabled' } });

    // Delivered again: a duplicate, nothing scheduled. Replayed by an operator: processed again, changes nothing.
    const again = await deliverThin(notifications[0]!, { stripe });
    expect(again.response.status).toBe(200);
    expect(await again.response.json()).toEqual({ received: true, duplicate: true });
    expect(again.scheduled).toHaveLength(0);
    expect(await replayStripeEvent({ eventId: notifications[0]!.id as string, actor: { type: 'operator', id: adminId }, stripe })).toBe('processed');
    expect(await statusAudits()).toHaveLength(1);
  });

  it('answers 400 and records nothing for a wrong secret, no signature, or a v1 snapshot event', async () => {
    const payee = await addDoctor('Suzuki');
    const [notification] = await thinNotificationsFor(stripe, payee.stripeAccountId);
    const body = JSON.stringify(notification);
    expect((await POST(signedRequest(body, { secret: 'whsec_not_ours' }))).status).toBe(400);
    expect((await POST(new Request('http://localhost/api/webhooks/stripe/thin', { method: 'POST', body }))).status).toBe(400);
    // A snapshot event signed with the thin secret is still refused here: it belongs on /api/webhooks/stripe.
    const snapshot = (await stripe.events.list({ limit: 1 })).data[0]!;
    expect((await deliverThin(JSON.stringify(snapshot), { stripe })).response.status).toBe(400);
    expect(await ledger()).toEqual([]);
    expect((await payeeRow(payee.id)).status).toBe('onboarding');
  });

  it('a notification whose processing fails stays in the ledger and is retried by the worker', async () => {
    const payee = await addDoctor('Takahashi');
    const [created] = await thinNotificationsFor(stripe, payee.stripeAccountId);
    await submitOnboarding(await createPayeeOnboardingLink({ payee, refreshPath: '/payee/onboarding', returnPath: '/payee/onboarding/return' }, stripe));
    const updated = (await thinNotificationsFor(stripe, payee.stripeAccountId, created!.id as string)).at(-1)!;

    const delivery = await deliverThin(updated, { stripe: await unreachableStripe() });
    expect(delivery.response.status).toBe(200);
    for (const task of delivery.scheduled) await task();
    expect((await ledger())[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await payeeRow(payee.id)).status).toBe('onboarding');

    const run = await processPendingEvents({ stripe, now: new Date(Date.now() + 3_600_000) });
    expect(run).toMatchObject({ claimed: 1, processed: 1 });
    expect((await payeeRow(payee.id)).status).toBe('enabled');
  });

  it('a payee whose account is v1 (added before Accounts v2) still follows account.updated', async () => {
    const email = `legacy-${uniqueSuffix()}@example.com`;
    const v1 = await stripe.accounts.create({
      controller: { fees: { payer: 'application' }, losses: { payments: 'application' }, requirement_collection: 'stripe', stripe_dashboard: { type: 'express' } },
      country: 'JP',
      email,
      capabilities: { transfers: { requested: true } },
    });
    const payee = await insertPayee({
      id: crypto.randomUUID(),
      name: 'Legacy',
      email,
      role: 'reading_doctor',
      country: 'JP',
      currency: 'jpy',
      stripeAccountId: v1.id,
      accountApi: 'v1',
      createdByUserId: adminId,
    });
    await submitOnboarding(await createPayeeOnboardingLink({ payee, refreshPath: '/payee/onboarding', returnPath: '/payee/onboarding/return' }, stripe));
    const event = (await stripe.events.list({ type: 'account.updated', limit: 20 })).data.find((e) => (e.data.object as Stripe.Account).id === v1.id)!;
    const delivery = await deliver(event, { stripe });
    expect(delivery.response.status).toBe(200);
    for (const task of delivery.scheduled) await task();
    expect(await payeeRow(payee.id)).toMatchObject({ accountApi: 'v1', status: 'enabled', detailsSubmitted: true });
    expect(await thinNotificationsFor(stripe, v1.id)).toEqual([]);
  });
});
