// The events operators care about leave one audit entry each, attributed to Stripe, with what support needs.
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, organizations } from '@/db/schema';
import { closeTestDb, resetDatabase, testDb, testStripe, uniqueSuffix } from '@/test/integration/helpers';
import { listAll } from '@/lib/stripe-sync/context';
import { deliver } from './test-delivery';

describe('audit entries from Stripe events', () => {
  let organizationId: string;
  let events: Stripe.Event[];

  beforeAll(async () => {
    await resetDatabase();
    const stripe = testStripe();
    const tag = uniqueSuffix();
    const key = (step: string) => `audit:${tag}:${step}`;
    const [organization] = await testDb().insert(organizations).values({ name: `Audit ${tag}`, currency: 'jpy' }).returning();
    organizationId = organization!.id;
    const since = Math.floor(Date.now() / 1000) - 2;

    const customer = await stripe.customers.create({ name: 'Declined KK', metadata: { organization_id: organizationId } }, { idempotencyKey: key('customer') });
    const card = await stripe.paymentMethods.attach('pm_card_chargeCustomerFail', { customer: customer.id }, { idempotencyKey: key('card') });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: card.id } }, { idempotencyKey: key('default') });
    const product = await stripe.products.create({ name: `Audit plan ${tag}` }, { idempotencyKey: key('product') });
    const price = await stripe.prices.create({ product: product.id, currency: 'jpy', unit_amount: 3000, recurring: { interval: 'month' } }, { idempotencyKey: key('price') });
    const subscription = await stripe.subscriptions.create(
      { customer: customer.id, items: [{ price: price.id }], payment_behavior: 'allow_incomplete' },
      { idempotencyKey: key('subscription') },
    );
    await stripe.subscriptions.cancel(subscription.id, { cancellation_details: { comment: 'card keeps failing', feedback: 'too_expensive' } }, { idempotencyKey: key('cancel') });

    events = (await listAll(stripe.events.list({ created: { gte: since }, limit: 100 }))).filter(
      (e) => (e.data.object as { customer?: string }).customer === customer.id || (e.data.object as { id?: string }).id === customer.id,
    );
  }, 60_000);
  afterAll(closeTestDb);

  it('records a failed payment with the decline reason and a cancellation with its reason, once each', async () => {
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['invoice.payment_failed', 'customer.subscription.deleted']));
    // Every event twice: the duplicates must not add entries.
    for (const event of [...events, ...events]) {
      const { response, scheduled } = await deliver(event, { stripe: testStripe() });
      expect(response.status).toBe(200);
      for (const task of scheduled) await task();
    }

    const entries = await testDb().select().from(auditLog).where(eq(auditLog.organizationId, organizationId));
    const failed = entries.filter((e) => e.action === 'invoice.payment_failed');
    const paymentFailedEvent = events.find((e) => e.type === 'invoice.payment_failed')!;
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      actorType: 'stripe',
      actorId: paymentFailedEvent.id,
      targetType: 'invoice',
      targetId: (paymentFailedEvent.data.object as Stripe.Invoice).id,
      data: { amountDue: 3000, currency: 'jpy', failureCode: 'card_declined', declineCode: 'generic_decline', failureMessage: 'Your card was declined.' },
    });

    const canceled = entries.filter((e) => e.action === 'subscription.canceled');
    expect(canceled).toHaveLength(1);
    expect(canceled[0]).toMatchObject({ actorType: 'stripe', targetType: 'subscription', data: { comment: 'card keeps failing', feedback: 'too_expensive' } });
  });
});
