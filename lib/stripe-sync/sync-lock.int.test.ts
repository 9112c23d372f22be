// Syncs of one customer are serialized, and each reads Stripe only once it holds the customer's lock: a sync
// that had to wait sees what changed while it waited, so the last write is also the latest read.
import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { lockStripeSync } from '@/db/queries/mirror';
import { stripeCustomers } from '@/db/schema';
import { closeTestDb, databaseKind, resetDatabase, testDb, testStripe, uniqueSuffix } from '@/test/integration/helpers';
import { syncStripeCustomer } from './index';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`per-customer sync lock (${databaseKind})`, () => {
  beforeEach(resetDatabase);
  afterAll(closeTestDb);

  it('makes a second sync wait for the first and read Stripe after it', async () => {
    const stripe = testStripe();
    const tag = uniqueSuffix();
    const customer = await stripe.customers.create({ name: 'Before', email: `lock-${tag}@example.test` }, { idempotencyKey: `lock:${tag}:create` });

    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const holder = testDb().transaction(async (tx) => {
      await lockStripeSync({ key: `customer:${customer.id}` }, tx);
      await released;
    });
    await sleep(50);

    let finished = false;
    const waiting = syncStripeCustomer(customer.id, undefined, { stripe }).then(() => (finished = true));
    await sleep(300);
    expect(finished).toBe(false);

    await stripe.customers.update(customer.id, { name: 'After' }, { idempotencyKey: `lock:${tag}:rename` });
    release();
    await holder;
    await waiting;

    const [row] = await testDb().select().from(stripeCustomers).where(eq(stripeCustomers.id, customer.id));
    expect(row?.name).toBe('After');
  });
});
