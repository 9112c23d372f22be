// WEBHOOK_PROCESSING=worker: the receiver records the event due at once and schedules nothing; the job runners'
// drain claims and processes it, once, however many drains run.
import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { stripeCustomers, stripeEvents } from '@/db/schema';
import { closeTestDb, resetDatabase, testDb, testStripe, uniqueSuffix } from '@/test/integration/helpers';
import { startWebhookDrain } from './drain';
import { deliver } from './test-delivery';

async function customerCreatedEvents(count: number): Promise<Stripe.Event[]> {
  const stripe = testStripe();
  const ids = new Set<string>();
  for (let i = 0; i < count; i++) {
    const email = `drain-${uniqueSuffix()}@example.test`;
    ids.add((await stripe.customers.create({ email, name: `Drain ${i}` }, { idempotencyKey: `test:${email}` })).id);
  }
  const events: Stripe.Event[] = [];
  for await (const event of stripe.events.list({ type: 'customer.created', limit: 100 })) {
    if (ids.has((event.data.object as { id: string }).id)) events.push(event);
  }
  return events;
}

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('webhook processing by the job runners (WEBHOOK_PROCESSING=worker)', () => {
  beforeEach(resetDatabase);
  afterAll(closeTestDb);

  it('records each delivery due at once without processing it, and two drains process every event once', async () => {
    const events = await customerCreatedEvents(6);
    expect(events).toHaveLength(6);
    for (const event of events) {
      const { response, scheduled } = await deliver(event, { processing: 'worker' });
      expect(response.status).toBe(200);
      expect(scheduled).toEqual([]);
    }
    const recorded = await testDb().select().from(stripeEvents);
    expect(recorded.map((r) => r.status)).toEqual(Array(6).fill('pending'));
    for (const row of recorded) expect(row.nextAttemptAt!.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);

    const drains = [startWebhookDrain({ stripe: testStripe(), concurrency: 2, idleMs: 20 }), startWebhookDrain({ stripe: testStripe(), concurrency: 2, idleMs: 20 })];
    try {
      await until(async () => (await testDb().select().from(stripeEvents).where(eq(stripeEvents.status, 'processed'))).length === 6);
    } finally {
      await Promise.all(drains.map((d) => d.stop()));
    }
    const rows = await testDb().select().from(stripeEvents);
    expect(rows.map((r) => r.attempts)).toEqual(Array(6).fill(1));
    expect(await testDb().select().from(stripeCustomers)).toHaveLength(6);

    // A repeated delivery is still a duplicate, and nothing is queued again.
    const again = await deliver(events[0]!, { processing: 'worker' });
    expect(await again.response.json()).toEqual({ received: true, duplicate: true });
  });
});
