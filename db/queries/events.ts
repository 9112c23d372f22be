// The webhook event ledger, which is also the processing queue. An event is recorded once (primary key), then
// leased to exactly one worker at a time ('processing' + lease token); only the lease holder records the outcome.
import { and, desc, eq, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { preparedQuery } from '@/db/prepared-query';
import { stripeEvents } from '@/db/schema';

export type StripeEventRow = typeof stripeEvents.$inferSelect;
export type StripeEventStatus = StripeEventRow['status'];

/** What a worker holds after claiming: the payload and the token that proves the lease is still its own. */
export type ClaimedStripeEvent = Pick<StripeEventRow, 'id' | 'type' | 'payload' | 'attempts' | 'receivedAt'> & { leaseToken: string };

/** How long a claim is exclusive; a worker that crashed mid-event loses it after this. */
export const EVENT_LEASE_SECONDS = 300;
/** A 'pending' event whose immediate processing never ran (crash after the 2xx) is picked up after this. */
export const PENDING_GRACE_SECONDS = 60;

const at = (now: Date | undefined): SQL => (now ? sql`${now.toISOString()}::timestamptz` : sql`now()`);

export type NewStripeEvent = {
  id: string;
  type: string;
  apiVersion: string | null;
  livemode: boolean;
  objectId: string | null;
  created: number;
  payload: unknown;
  /** Due at once for the job runners (WEBHOOK_PROCESSING=worker), instead of after the grace left to the receiver. */
  dueNow?: boolean;
};

/** Records a verified event. False when the id was already recorded (a duplicate delivery): nothing changes. */
export async function insertStripeEvent(params: NewStripeEvent, tx: Tx = db): Promise<boolean> {
  return (await insertStripeEvents([params], tx)).has(params.id);
}

/**
 * Records verified events in one statement (one commit for a group of deliveries). Returns the ids recorded now;
 * an id recorded before, or twice in the list, is recorded once and nothing else changes.
 */
export async function insertStripeEvents(events: NewStripeEvent[], tx: Tx = db): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const rows = await tx
    .insert(stripeEvents)
    .values(
      events.map((params) => ({
        id: params.id,
        type: params.type,
        apiVersion: params.apiVersion,
        livemode: String(params.livemode),
        objectId: params.objectId,
        stripeCreated: new Date(params.created * 1000),
        payload: params.payload,
        status: 'pending' as const,
        nextAttemptAt: params.dueNow ? sql`now()` : sql`now() + make_interval(secs => ${PENDING_GRACE_SECONDS})`,
      })),
    )
    .onConflictDoNothing({ target: stripeEvents.id })
    .returning({ id: stripeEvents.id });
  return new Set(rows.map((row) => row.id));
}

const claimedColumns = {
  id: stripeEvents.id,
  type: stripeEvents.type,
  payload: stripeEvents.payload,
  attempts: stripeEvents.attempts,
  receivedAt: stripeEvents.receivedAt,
  leaseToken: sql<string>`${stripeEvents.leaseToken}`,
};

function claimSet(now: Date | undefined) {
  return {
    status: 'processing' as const,
    attempts: sql`${stripeEvents.attempts} + 1`,
    leaseToken: sql`gen_random_uuid()::text`,
    lockedUntil: sql`${at(now)} + make_interval(secs => ${EVENT_LEASE_SECONDS})`,
  };
}

/** Claims one just-received event for immediate processing; null if someone else has it or it is done. */
export async function claimPendingStripeEvent(params: { id: string }, tx: Tx = db): Promise<ClaimedStripeEvent | null> {
  const [row] = await tx
    .update(stripeEvents)
    .set(claimSet(undefined))
    .where(and(eq(stripeEvents.id, params.id), eq(stripeEvents.status, 'pending')))
    .returning(claimedColumns);
  return row ?? null;
}

/**
 * Claims up to `limit` events that are due: pending past their grace, failed past their backoff, or processing
 * under an expired lease. `FOR UPDATE SKIP LOCKED` lets several app servers claim side by side without waiting
 * on or double-claiming each other's rows.
 */
export async function claimDueStripeEvents(params: { limit: number; now?: Date }, tx: Tx = db): Promise<ClaimedStripeEvent[]> {
  const now = at(params.now);
  const due = tx
    .select({ id: stripeEvents.id })
    .from(stripeEvents)
    .where(
      or(
        and(inArray(stripeEvents.status, ['pending', 'failed']), lte(stripeEvents.nextAttemptAt, now)),
        and(eq(stripeEvents.status, 'processing'), lt(stripeEvents.lockedUntil, now)),
      ),
    )
    .orderBy(stripeEvents.stripeCreated, stripeEvents.id)
    .limit(params.limit)
    .for('update', { skipLocked: true });
  return tx.update(stripeEvents).set(claimSet(params.now)).where(inArray(stripeEvents.id, due)).returning(claimedColumns);
}

/** Records success (or 'ignored') if the lease is still ours. False means another worker took over: roll back. */
export async function completeStripeEvent(
  params: { id: string; leaseToken: string; status: 'processed' | 'ignored' },
  tx: Tx = db,
): Promise<boolean> {
  const rows = await tx
    .update(stripeEvents)
    .set({ status: params.status, processedAt: sql`now()`, lastError: null, nextAttemptAt: null, lockedUntil: null, leaseToken: null })
    .where(and(eq(stripeEvents.id, params.id), eq(stripeEvents.leaseToken, params.leaseToken), eq(stripeEvents.status, 'processing')))
    .returning({ id: stripeEvents.id });
  return rows.length === 1;
}

/** Records a failed attempt; `nextAttemptAt` null means no more automatic retries (replay from the admin). */
export async function failStripeEvent(
  params: { id: string; leaseToken: string; error: string; nextAttemptAt: Date | null },
  tx: Tx = db,
): Promise<boolean> {
  const rows = await tx
    .update(stripeEvents)
    .set({ status: 'failed', lastError: params.error.slice(0, 4000), nextAttemptAt: params.nextAttemptAt, lockedUntil: null, leaseToken: null })
    .where(and(eq(stripeEvents.id, params.id), eq(stripeEvents.leaseToken, params.leaseToken), eq(stripeEvents.status, 'processing')))
    .returning({ id: stripeEvents.id });
  return rows.length === 1;
}

/** Operator replay: queue the event again now (not while a worker holds it). */
export async function requeueStripeEvent(params: { id: string }, tx: Tx = db): Promise<boolean> {
  const rows = await tx
    .update(stripeEvents)
    .set({ status: 'pending', nextAttemptAt: sql`now()`, lockedUntil: null, leaseToken: null })
    .where(and(eq(stripeEvents.id, params.id), inArray(stripeEvents.status, ['processed', 'failed', 'ignored'])))
    .returning({ id: stripeEvents.id });
  return rows.length === 1;
}

export async function getStripeEvent(params: { id: string }, tx: Tx = db): Promise<StripeEventRow | null> {
  const [row] = await tx.select().from(stripeEvents).where(eq(stripeEvents.id, params.id));
  return row ?? null;
}

export async function listStripeEvents(
  params: { status?: StripeEventStatus; objectId?: string; limit?: number; offset?: number },
  tx: Tx = db,
): Promise<StripeEventRow[]> {
  return tx
    .select()
    .from(stripeEvents)
    .where(
      and(
        params.status ? eq(stripeEvents.status, params.status) : undefined,
        params.objectId ? eq(stripeEvents.objectId, params.objectId) : undefined,
      ),
    )
    .orderBy(desc(stripeEvents.receivedAt), desc(stripeEvents.id))
    .limit(Math.min(params.limit ?? 50, 500))
    .offset(Math.max(0, Math.floor(params.offset ?? 0)));
}

/** How many events the ledger holds (in one status when given): the events page's page count. */
export async function countStripeEvents(params: { status?: StripeEventStatus }, tx: Tx = db): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(stripeEvents)
    .where(params.status ? eq(stripeEvents.status, params.status) : undefined);
  return row?.n ?? 0;
}

/** How many events are in `failed` (the admin banner). */
export async function countFailedStripeEvents(_params: Record<string, never> = {}, tx: Tx = db): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(stripeEvents).where(eq(stripeEvents.status, 'failed'));
  return row?.n ?? 0;
}

/** The operators' customer page reads this on every view: built once (db/prepared-query.ts). */
const selectStripeEventsForCustomer = preparedQuery('customer_stripe_events', (tx) => {
  const customerId = sql.placeholder('customerId');
  return tx
    .select()
    .from(stripeEvents)
    .where(or(eq(stripeEvents.objectId, customerId), sql`${stripeEvents.payload}->'data'->'object'->>'customer' = ${customerId}`))
    .orderBy(desc(stripeEvents.stripeCreated), desc(stripeEvents.id))
    .limit(sql.placeholder('limit'));
});

/** The ledger's events about one Stripe customer: the customer itself or an object whose `customer` is it. */
export async function listStripeEventsForCustomer(params: { customerId: string; limit?: number }, tx: Tx = db): Promise<StripeEventRow[]> {
  return selectStripeEventsForCustomer({ customerId: params.customerId, limit: Math.min(params.limit ?? 50, 200) }, tx);
}
