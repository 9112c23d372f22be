// POST /api/webhooks/stripe against the real database and the emulator: signature checks, the ledger,
// duplicates, failure recording and retries, and exactly-once completion.
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/webhooks/stripe/route';
import { claimDueStripeEvents, completeStripeEvent } from '@/db/queries/events';
import { stripeCustomers, stripeEvents } from '@/db/schema';
import { closeTestDb, resetDatabase, testDb, testStripe, uniqueSuffix } from '@/test/integration/helpers';
import { processPendingEvents, processStripeEvent } from './process';
import { deliver, signedRequest, unreachableStripe } from './test-delivery';

async function customerCreatedEvent(): Promise<{ event: Stripe.Event; customer: Stripe.Customer }> {
  const stripe = testStripe();
  const email = `webhook-${uniqueSuffix()}@example.test`;
  const customer = await stripe.customers.create({ email, name: 'Webhook KK' }, { idempotencyKey: `test:${email}` });
  for await (const event of stripe.events.list({ type: 'customer.created', limit: 100 })) {
    if ((event.data.object as { id?: string }).id === customer.id) return { event, customer };
  }
  throw new Error(`no customer.created event for ${customer.id}`);
}

const ledger = () => testDb().select().from(stripeEvents);
const mirroredCustomer = async (id: string) => (await testDb().select().from(stripeCustomers).where(eq(stripeCustomers.id, id)))[0];

describe('POST /api/webhooks/stripe', () => {
  beforeEach(resetDatabase);
  afterAll(closeTestDb);

  it('accepts a correctly signed event, records it once and mirrors the customer after answering', async () => {
    const { event, customer } = await customerCreatedEvent();
    const { response, scheduled } = await deliver(event, { stripe: testStripe() });
    expect(response.status).toBe(200);
    expect(scheduled).toHaveLength(1);
    expect(await mirroredCustomer(customer.id)).toBeUndefined(); // processing happens after the response

    await scheduled[0]!();
    const [row] = await ledger();
    expect(row).toMatchObject({ id: event.id, type: 'customer.created', status: 'processed', attempts: 1, objectId: customer.id });
    expect(await mirroredCustomer(customer.id)).toMatchObject({ email: customer.email, name: 'Webhook KK', deleted: false });
  });

  it('answers 400 and stores nothing for a signature made with another secret', async () => {
    const { event, customer } = await customerCreatedEvent();
    const response = await POST(signedRequest(JSON.stringify(event), { secret: 'whsec_not_ours' }));
    expect(response.status).toBe(400);
    expect(await ledger()).toEqual([]);
    expect(await mirroredCustomer(customer.id)).toBeUndefined();
  });

  it('answers 400 for a body altered after signing, a stale timestamp, and a missing header', async () => {
    const { event } = await customerCreatedEvent();
    const body = JSON.stringify(event);
    const signed = signedRequest(body);
    const tampered = new Request(signed.url, { method: 'POST', headers: signed.headers, body: body.replace('Webhook KK', 'Evil KK') });
    expect((await POST(tampered)).status).toBe(400);

    const stale = await deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(stale.response.status).toBe(400);
    expect(stale.scheduled).toHaveLength(0);

    const unsigned = await POST(new Request(signed.url, { method: 'POST', body }));
    expect(unsigned.status).toBe(400);
    expect(await ledger()).toEqual([]);
  });

  it('acknowledges a duplicate delivery with 200 and does not process it again', async () => {
    const { event } = await customerCreatedEvent();
    const first = await deliver(event, { stripe: testStripe() });
    await Promise.all(first.scheduled.map((task) => task()));
    const again = await deliver(event, { stripe: testStripe() });
    expect(again.response.status).toBe(200);
    expect(await again.response.json()).toMatchObject({ received: true, duplicate: true });
    expect(again.scheduled).toHaveLength(0);
    const rows = await ledger();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'processed', attempts: 1 });
  });

  it('records failed processing with a backoff and succeeds when the worker retries it', async () => {
    const { event, customer } = await customerCreatedEvent();
    const { response, scheduled } = await deliver(event, { stripe: await unreachableStripe() });
    expect(response.status).toBe(200);
    await scheduled[0]!();

    const [failed] = await ledger();
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed!.lastError).toBeTruthy();
    expect(failed!.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await mirroredCustomer(customer.id)).toBeUndefined();

    // Not due yet: the worker leaves it alone.
    expect((await processPendingEvents({ stripe: testStripe() })).claimed).toBe(0);

    const run = await processPendingEvents({ stripe: testStripe(), now: new Date(Date.now() + 60 * 60 * 1000) });
    expect(run).toMatchObject({ claimed: 1, processed: 1, failed: 0 });
    const [retried] = await ledger();
    expect(retried).toMatchObject({ status: 'processed', attempts: 2, lastError: null, nextAttemptAt: null });
    expect(await mirroredCustomer(customer.id)).toMatchObject({ email: customer.email });
  });

  it('lets the worker pick up an event whose immediate processing never ran', async () => {
    const { event, customer } = await customerCreatedEvent();
    await deliver(event, { stripe: testStripe() }); // scheduled work dropped, as if the server died after answering
    expect((await processPendingEvents({ stripe: testStripe() })).claimed).toBe(0); // still in its grace period
    const run = await processPendingEvents({ stripe: testStripe(), now: new Date(Date.now() + 5 * 60 * 1000) });
    expect(run.processed).toBe(1);
    expect(await mirroredCustomer(customer.id)).toBeDefined();
  });

  it('applies an event once when two workers race for it, and only the current lease holder may complete it', async () => {
    const { event } = await customerCreatedEvent();
    await deliver(event, { stripe: testStripe() });
    const outcomes = await Promise.all([processStripeEvent(event.id, { stripe: testStripe() }), processStripeEvent(event.id, { stripe: testStripe() })]);
    expect(outcomes.sort()).toEqual(['processed', 'skipped']);

    // A worker whose lease expired (it stalled) cannot record an outcome over the worker that took over.
    const { event: second } = await customerCreatedEvent();
    await deliver(second, { stripe: testStripe() });
    const later = new Date(Date.now() + 5 * 60 * 1000);
    const [stalled] = await claimDueStripeEvents({ limit: 10, now: later });
    expect(stalled?.id).toBe(second.id);
    const [takeover] = await claimDueStripeEvents({ limit: 10, now: new Date(later.getTime() + 10 * 60 * 1000) });
    expect(takeover?.id).toBe(second.id);
    expect(await completeStripeEvent({ id: second.id, leaseToken: stalled!.leaseToken, status: 'processed' })).toBe(false);
    expect(await completeStripeEvent({ id: second.id, leaseToken: takeover!.leaseToken, status: 'processed' })).toBe(true);
  });

  it('marks events it has no use for as ignored', async () => {
    const { event } = await customerCreatedEvent();
    const other = { ...event, id: `evt_test_${uniqueSuffix()}`, type: 'charge.succeeded' } as unknown as Stripe.Event;
    const { response, scheduled } = await deliver(other, { stripe: testStripe() });
    expect(response.status).toBe(200);
    await scheduled[0]!();
    const [row] = await ledger();
    expect(row).toMatchObject({ id: other.id, status: 'ignored' });
  });
});
