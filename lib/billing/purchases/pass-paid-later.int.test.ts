// A 30-day pass paid outside the browser flow (the customer abandoned 3-D Secure and paid later from the invoice
// page, or it was paid any other way): the invoice webhook records its validity, so the overview shows the pass.
// Processing the events again, even bypassing the receiver's deduplication, changes nothing.
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findActivePass } from '@/db/queries/passes';
import { getInvoiceForOrganization } from '@/db/queries/invoices';
import type { SeedCatalogResult } from '@/lib/demo/seed-catalog';
import { LOOKUP_KEYS } from '@/lib/demo/catalog';
import { listAll } from '@/lib/stripe-sync/context';
import { dispatchStripeEvent } from '@/lib/webhooks/dispatch';
import { deliver } from '@/lib/webhooks/test-delivery';
import { closeTestDb } from '@/test/integration/helpers';
import { createTestOrganization, createTestUser, setUpBillingCatalog, type TestOrganization } from '../billing-fixtures.int';
import { PASS_DAYS, startOneOffPurchase } from './one-off-purchase';

let stripe: Stripe;
let catalog: SeedCatalogResult;

beforeAll(async () => {
  ({ stripe, catalog } = await setUpBillingCatalog());
}, 60_000);

afterAll(closeTestDb);

async function makeOrganization(): Promise<TestOrganization> {
  return createTestOrganization(await createTestUser(), 'jpy');
}

async function eventsFor(invoiceId: string, since: number, types: string[]): Promise<Stripe.Event[]> {
  const events = await listAll(stripe.events.list({ created: { gte: since }, limit: 100 }));
  return events.filter((e) => types.includes(e.type) && (e.data.object as { id?: string }).id === invoiceId);
}

async function deliverAll(events: Stripe.Event[]): Promise<void> {
  for (const event of events) {
    const { response, scheduled } = await deliver(event, { stripe });
    expect(response.status).toBe(200);
    for (const task of scheduled) await task();
  }
}

describe('a pass paid outside the browser flow', () => {
  it('gets pass_valid_until from the invoice webhook, once, and the pass shows as active', async () => {
    const org = await makeOrganization();
    const since = Math.floor(Date.now() / 1000) - 2;
    const started = await startOneOffPurchase({ organization: org, priceId: catalog.prices[LOOKUP_KEYS.pass30Day], attempt: crypto.randomUUID() });
    expect(started.intent.kind).toBe('payment');

    // The browser never confirmed (3-D Secure abandoned); the invoice is paid through the API instead and
    // finishOneOffPurchase is never called.
    const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: org.stripeCustomerId });
    const paid = await stripe.invoices.pay(started.invoiceId, { payment_method: card.id });
    expect(paid.status).toBe('paid');
    expect(paid.metadata?.pass_valid_until).toBeUndefined();
    expect(await findActivePass({ organizationId: org.id })).toBeNull();

    const paidEvents = await eventsFor(started.invoiceId, since, ['invoice.paid', 'invoice.payment_succeeded']);
    expect(paidEvents.map((e) => e.type)).toContain('invoice.paid');
    await deliverAll(paidEvents);

    const paidAt = paid.status_transitions.paid_at!;
    const expected = new Date((paidAt + PASS_DAYS * 86_400) * 1000);
    const inStripe = await stripe.invoices.retrieve(started.invoiceId);
    expect(inStripe.metadata?.pass_valid_until).toBe(expected.toISOString());
    const mirrored = await getInvoiceForOrganization({ organizationId: org.id, invoiceId: started.invoiceId });
    expect(mirrored?.metadata.pass_valid_until).toBe(expected.toISOString());
    const pass = await findActivePass({ organizationId: org.id });
    expect(pass).toMatchObject({ invoiceId: started.invoiceId, validUntil: expected, productName: '30-day pass', capacity: expect.objectContaining({ deviceLimit: 5 }) });

    // Twice: redelivered through the receiver, and handled again directly (past its deduplication). No further
    // write reaches Stripe (no new invoice.updated) and the validity stays where it was.
    const updatesBefore = await eventsFor(started.invoiceId, since, ['invoice.updated']);
    await deliverAll(paidEvents);
    for (const event of paidEvents) await dispatchStripeEvent(event, { stripe });
    const updatesAfter = await eventsFor(started.invoiceId, since, ['invoice.updated']);
    expect(updatesAfter.map((e) => e.id)).toEqual(updatesBefore.map((e) => e.id));
    expect((await stripe.invoices.retrieve(started.invoiceId)).metadata?.pass_valid_until).toBe(expected.toISOString());
    expect((await getInvoiceForOrganization({ organizationId: org.id, invoiceId: started.invoiceId }))?.metadata.pass_valid_until).toBe(expected.toISOString());
    expect(await findActivePass({ organizationId: org.id })).toEqual(pass);
  });

  it('leaves an invoice that is not a pass alone', async () => {
    const org = await makeOrganization();
    const since = Math.floor(Date.now() / 1000) - 2;
    const started = await startOneOffPurchase({ organization: org, priceId: catalog.prices[LOOKUP_KEYS.examCourse], attempt: crypto.randomUUID() });
    const card = await stripe.paymentMethods.attach('pm_card_visa', { customer: org.stripeCustomerId });
    await stripe.invoices.pay(started.invoiceId, { payment_method: card.id });
    await deliverAll(await eventsFor(started.invoiceId, since, ['invoice.paid', 'invoice.payment_succeeded']));

    expect((await stripe.invoices.retrieve(started.invoiceId)).metadata?.pass_valid_until).toBeUndefined();
    const mirrored = await getInvoiceForOrganization({ organizationId: org.id, invoiceId: started.invoiceId });
    expect(mirrored?.status).toBe('paid');
    expect(mirrored?.metadata.pass_valid_until).toBeUndefined();
    expect(await findActivePass({ organizationId: org.id })).toBeNull();
  });
});
