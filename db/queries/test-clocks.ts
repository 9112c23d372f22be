// Stripe test clocks as the webhook events report them, so time-based moments follow a customer's clock.
import { eq, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { stripeCustomers, stripeTestClocks } from '@/db/schema';

/** Keeps the latest frozen time of a test clock (events may arrive out of order: never moves it back). */
export async function upsertTestClockTime(params: { id: string; frozenTime: Date }, tx: Tx = db): Promise<void> {
  await tx
    .insert(stripeTestClocks)
    .values({ id: params.id, frozenTime: params.frozenTime })
    .onConflictDoUpdate({
      target: stripeTestClocks.id,
      set: { frozenTime: sql`greatest(${stripeTestClocks.frozenTime}, excluded.frozen_time)`, syncedAt: new Date() },
    });
}

export async function listTestClockTimes(tx: Tx = db): Promise<Map<string, Date>> {
  const rows = await tx.select().from(stripeTestClocks);
  return new Map(rows.map((r) => [r.id, r.frozenTime]));
}

/** Customers on a test clock (from the mirrored customer object). */
export async function listCustomerIdsOnTestClock(params: { testClockId: string }, tx: Tx = db): Promise<string[]> {
  const rows = await tx
    .select({ id: stripeCustomers.id })
    .from(stripeCustomers)
    .where(sql`${stripeCustomers.data}->>'test_clock' = ${params.testClockId}`);
  return rows.map((r) => r.id);
}

/** Each customer's test clock id, for customers on one (the others live on the wall clock). */
export async function listCustomerTestClocks(tx: Tx = db): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: stripeCustomers.id, clock: sql<string>`${stripeCustomers.data}->>'test_clock'` })
    .from(stripeCustomers)
    .where(sql`${stripeCustomers.data}->>'test_clock' is not null`);
  return new Map(rows.map((r) => [r.id, r.clock]));
}

/**
 * The customer's own now when they live on a Stripe test clock (its frozen time as last reported); null for a
 * customer on the wall clock, or on a clock not heard from yet.
 */
export async function getCustomerTestClockTime(params: { customerId: string }, tx: Tx = db): Promise<Date | null> {
  const [row] = await tx
    .select({ frozenTime: stripeTestClocks.frozenTime })
    .from(stripeCustomers)
    .innerJoin(stripeTestClocks, sql`${stripeTestClocks.id} = ${stripeCustomers.data}->>'test_clock'`)
    .where(eq(stripeCustomers.id, params.customerId));
  return row?.frozenTime ?? null;
}
