// A burst of events about one object costs one Stripe read: an event whose object the mirror already read after
// the event was recorded is processed without reading it again, also when it waited for that read on the
// customer's lock, and also for events about the customer itself. A later event, a retry and a replay still read.
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { requeueStripeEvent } from '@/db/queries/events';
import { lockStripeSync } from '@/db/queries/mirror';
import { stripeCustomers, stripeEvents, stripeInvoices } from '@/db/schema';
import { closeTestDb, resetDatabase, testDb, testStripe, uniqueSuffix } from '@/test/integration/helpers';
import { processPendingEvents, processStripeEvent } from './process';
import { deliver, unreachableStripe } from './test-delivery';

/** The `invoice.updated` (or `customer.updated`) event Stripe sent for the update that set metadata `step` to `step`. */
async function updatedEvent(stripe: Stripe, objectId: string, step: string, type: 'invoice.updated' | 'customer.updated' = 'invoice.updated'): Promise<Stripe.Event> {
  for await (const event of stripe.events.list({ type, limit: 100 })) {
    const object = event.data.object as { id: string; metadata?: Record<string, string> };
    if (object.id === objectId && object.metadata?.step === step) return event;
  }
  throw new Error(`no ${type} event for ${objectId} at step ${step}`);
}

async function recordOnly(event: Stripe.Event): Promise<void> {
  const { response } = await deliver(event);
  expect(response.status).toBe(200);
}

const mirroredStep = async (invoiceId: string) =>
  (await testDb().select({ metadata: stripeInvoices.metadata }).from(stripeInvoices).where(eq(stripeInvoices.id, invoiceId)))[0]?.metadata.step;
const mirroredCustomerStep = async (customerId: string) =>
  (await testDb().select({ metadata: stripeCustomers.metadata }).from(stripeCustomers).where(eq(stripeCustomers.id, customerId)))[0]?.metadata.step;
const ledgerRow = async (eventId: string) => (await testDb().select().from(stripeEvents).where(eq(stripeEvents.id, eventId)))[0];

describe('webhook processing reads each object once per burst', () => {
  beforeEach(resetDatabase);
  afterAll(closeTestDb);

  it('skips the re-read of an invoice the mirror read after the event was recorded; a later event and a replay read again', async () => {
    const stripe = testStripe();
    const tag = uniqueSuffix();
    const key = (step: string) => `fresh-mirror:${tag}:${step}`;
    const customer = await stripe.customers.create({ name: `Fresh ${tag}` }, { idempotencyKey: key('customer') });
    const invoice = await stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice', days_until_due: 30 }, { idempotencyKey: key('invoice') });
    const setStep = (step: string) => stripe.invoices.update(invoice.id, { metadata: { step } }, { idempotencyKey: key(`step-${step}`) });

    // Step 1's event is recorded first and waits; step 2's event is recorded and processed: the mirror reads step 2.
    await setStep('1');
    const first = await updatedEvent(stripe, invoice.id, '1');
    await recordOnly(first);
    await setStep('2');
    const second = await deliver(await updatedEvent(stripe, invoice.id, '2'), { stripe });
    for (const task of second.scheduled) await task();
    expect(await mirroredStep(invoice.id)).toBe('2');

    // Stripe moves on to step 3, whose event has not arrived. Step 1's event is then processed with Stripe out of
    // reach: the mirror was read after that event was recorded, so nothing is read and nothing fails.
    await setStep('3');
    const offline = await unreachableStripe();
    expect(await processStripeEvent(first.id, { stripe: offline })).toBe('processed');
    expect(await ledgerRow(first.id)).toMatchObject({ status: 'processed', attempts: 1 });
    expect(await mirroredStep(invoice.id)).toBe('2');

    // Step 3's event was recorded after the last read: it must read, and with Stripe out of reach it fails.
    const third = await updatedEvent(stripe, invoice.id, '3');
    await recordOnly(third);
    expect(await processStripeEvent(third.id, { stripe: offline })).toBe('failed');
    expect(await ledgerRow(third.id)).toMatchObject({ status: 'failed', attempts: 1 });

    // An operator's replay of step 1's event reads again (a replay is how a suspect mirror row is re-read).
    expect(await requeueStripeEvent({ id: first.id })).toBe(true);
    await testDb().update(stripeEvents).set({ nextAttemptAt: null }).where(eq(stripeEvents.id, third.id));
    await processPendingEvents({ stripe });
    expect(await ledgerRow(first.id)).toMatchObject({ status: 'processed', attempts: 2 });
    expect(await mirroredStep(invoice.id)).toBe('3');
  });

  it('reads an invoice once when two of its events wait on the customer lock together: the second finds the first read', async () => {
    const stripe = testStripe();
    const tag = uniqueSuffix();
    const key = (step: string) => `fresh-mirror-lock:${tag}:${step}`;
    const customer = await stripe.customers.create({ name: `Locked ${tag}` }, { idempotencyKey: key('customer') });
    const invoice = await stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice', days_until_due: 30 }, { idempotencyKey: key('invoice') });
    const events: Stripe.Event[] = [];
    for (const step of ['1', '2']) {
      await stripe.invoices.update(invoice.id, { metadata: { step } }, { idempotencyKey: key(`step-${step}`) });
      events.push(await updatedEvent(stripe, invoice.id, step));
    }
    for (const event of events) await recordOnly(event);

    // Whichever event gets the lock first reads the invoice; the other, waiting behind it, must not read it again.
    let reads = 0;
    const retrieve = stripe.invoices.retrieve.bind(stripe.invoices);
    stripe.invoices.retrieve = ((...args: Parameters<typeof retrieve>) => {
      reads += 1;
      return retrieve(...args);
    }) as typeof stripe.invoices.retrieve;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const holder = testDb().transaction(async (tx) => {
      await lockStripeSync({ key: `customer:${customer.id}` }, tx);
      await released;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const processing = events.map((event) => processStripeEvent(event.id, { stripe }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reads).toBe(0);
    release();
    await holder;

    expect(await Promise.all(processing)).toEqual(['processed', 'processed']);
    expect(reads).toBe(1);
    expect(await mirroredStep(invoice.id)).toBe('2');
  });

  it('skips the full re-read for an event about the customer itself when the customer row was read after it', async () => {
    const stripe = testStripe();
    const tag = uniqueSuffix();
    const key = (step: string) => `fresh-mirror-customer:${tag}:${step}`;
    const customer = await stripe.customers.create({ name: `Fresh customer ${tag}` }, { idempotencyKey: key('customer') });
    const setStep = (step: string) => stripe.customers.update(customer.id, { metadata: { step } }, { idempotencyKey: key(`step-${step}`) });

    await setStep('1');
    const first = await updatedEvent(stripe, customer.id, '1', 'customer.updated');
    await recordOnly(first);
    await setStep('2');
    const second = await deliver(await updatedEvent(stripe, customer.id, '2', 'customer.updated'), { stripe });
    for (const task of second.scheduled) await task();
    expect(await mirroredCustomerStep(customer.id)).toBe('2');

    await setStep('3');
    const offline = await unreachableStripe();
    expect(await processStripeEvent(first.id, { stripe: offline })).toBe('processed');
    expect(await mirroredCustomerStep(customer.id)).toBe('2');

    const third = await updatedEvent(stripe, customer.id, '3', 'customer.updated');
    await recordOnly(third);
    expect(await processStripeEvent(third.id, { stripe: offline })).toBe('failed');
    // Its retry (due now) reads, as every retry does.
    await testDb().update(stripeEvents).set({ nextAttemptAt: new Date(0) }).where(eq(stripeEvents.id, third.id));
    await processPendingEvents({ stripe });
    expect(await ledgerRow(third.id)).toMatchObject({ status: 'processed', attempts: 2 });
    expect(await mirroredCustomerStep(customer.id)).toBe('3');
  });
});
