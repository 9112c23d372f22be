// The usage dashboard's own rows: the projected-invoice mirror (one row per organization, refreshed by a job from
// Stripe's invoice preview) and the customer's budgets per meter. Scoped by organization, except the job's
// cross-organization scans (`...ForOperator`).
import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { preparedQuery } from '@/db/prepared-query';
import { invoiceProjections, stripePrices, stripeSubscriptionItems, stripeSubscriptions, usageBudgets, usageEvents } from '@/db/schema';

export type InvoiceProjection = typeof invoiceProjections.$inferSelect;
export type UsageBudget = { meter: string; budget: number; thresholds: number[]; updatedAt: Date };

/** The usage page reads the projection and the budgets on every view: built once (db/prepared-query.ts). */
const selectInvoiceProjection = preparedQuery('invoice_projection', (tx) =>
  tx.select().from(invoiceProjections).where(eq(invoiceProjections.organizationId, sql.placeholder('organizationId'))).limit(1),
);

export async function getInvoiceProjection(params: { organizationId: string }, tx: Tx = db): Promise<InvoiceProjection | null> {
  const [row] = await selectInvoiceProjection({ organizationId: params.organizationId }, tx);
  return row ?? null;
}

/** Something changed the preview (usage reported, the subscription changed): the projection is due a refresh. */
export async function requestInvoiceProjectionRefresh(params: { organizationId: string }, tx: Tx = db): Promise<void> {
  const now = new Date();
  await tx
    .insert(invoiceProjections)
    .values({ organizationId: params.organizationId, requestedAt: now })
    .onConflictDoUpdate({ target: invoiceProjections.organizationId, set: { requestedAt: now } });
}

export type ProjectionFacts = Pick<
  InvoiceProjection,
  'customerId' | 'subscriptionId' | 'currency' | 'subtotal' | 'tax' | 'total' | 'amountDue' | 'periodStart' | 'periodEnd' | 'lines'
>;

/**
 * Stores a refresh's result. `startedAt` is when the refresh read Stripe: a request that arrived after it keeps
 * the row due (requested_at > refreshed_at), so usage reported during a refresh is never left out.
 */
export async function saveInvoiceProjection(params: { organizationId: string; facts: ProjectionFacts; startedAt: Date }, tx: Tx = db): Promise<void> {
  const values = { ...params.facts, refreshedAt: params.startedAt, lastError: null };
  await tx
    .insert(invoiceProjections)
    .values({ organizationId: params.organizationId, requestedAt: params.startedAt, ...values })
    .onConflictDoUpdate({ target: invoiceProjections.organizationId, set: values });
}

/** A refresh failed: the row stays due (the sweep retries it) and operators see why. */
export async function recordInvoiceProjectionError(params: { organizationId: string; message: string }, tx: Tx = db): Promise<void> {
  await tx.update(invoiceProjections).set({ lastError: params.message.slice(0, 500) }).where(eq(invoiceProjections.organizationId, params.organizationId));
}

/** Organizations whose projection is due (never refreshed, or asked again since) and was asked before `requestedBefore`. */
export async function listDueInvoiceProjectionsForOperator(params: { requestedBefore: Date; limit?: number }, tx: Tx = db): Promise<string[]> {
  const rows = await tx
    .select({ organizationId: invoiceProjections.organizationId })
    .from(invoiceProjections)
    .where(
      and(
        lt(invoiceProjections.requestedAt, params.requestedBefore),
        or(isNull(invoiceProjections.refreshedAt), sql`${invoiceProjections.requestedAt} > ${invoiceProjections.refreshedAt}`),
      ),
    )
    .orderBy(asc(invoiceProjections.requestedAt))
    .limit(params.limit ?? 50);
  return rows.map((r) => r.organizationId);
}

/**
 * Organizations whose usage may have moved since the last look: a live subscription with a metered item, or a
 * budget set. The hourly follow-up asks for each of them (usage is reported to Stripe per hour window).
 */
export async function listUsageFollowUpOrganizationsForOperator(tx: Tx = db): Promise<string[]> {
  const metered = await tx
    .selectDistinct({ organizationId: stripeSubscriptions.organizationId })
    .from(stripeSubscriptions)
    .innerJoin(stripeSubscriptionItems, eq(stripeSubscriptionItems.subscriptionId, stripeSubscriptions.id))
    .innerJoin(stripePrices, eq(stripePrices.id, stripeSubscriptionItems.priceId))
    .where(and(sql`${stripeSubscriptions.status} in ('trialing', 'active', 'past_due')`, eq(stripePrices.usageType, 'metered')));
  const budgeted = await tx.selectDistinct({ organizationId: usageBudgets.organizationId }).from(usageBudgets);
  return [...new Set([...metered, ...budgeted].flatMap((r) => (r.organizationId ? [r.organizationId] : [])))];
}

const selectUsageBudgets = preparedQuery('usage_budgets', (tx) =>
  tx.select().from(usageBudgets).where(eq(usageBudgets.organizationId, sql.placeholder('organizationId'))).orderBy(asc(usageBudgets.meter)),
);

export async function listUsageBudgets(params: { organizationId: string }, tx: Tx = db): Promise<UsageBudget[]> {
  const rows = await selectUsageBudgets({ organizationId: params.organizationId }, tx);
  return rows.map((r) => ({ meter: r.meter, budget: Number(r.budget), thresholds: r.thresholds, updatedAt: r.updatedAt }));
}

/** Sets (or replaces) one meter's budget; returns what was there before (null when none), for the audit entry. */
export async function saveUsageBudget(
  params: { organizationId: string; meter: string; budget: number; thresholds: number[]; userId: string },
  tx: Tx = db,
): Promise<UsageBudget | null> {
  const before = (await listUsageBudgets({ organizationId: params.organizationId }, tx)).find((b) => b.meter === params.meter) ?? null;
  const values = { budget: String(params.budget), thresholds: params.thresholds, updatedByUserId: params.userId, updatedAt: new Date() };
  await tx
    .insert(usageBudgets)
    .values({ organizationId: params.organizationId, meter: params.meter, ...values })
    .onConflictDoUpdate({ target: [usageBudgets.organizationId, usageBudgets.meter], set: values });
  return before;
}

/** Removes one meter's budget; returns it (null when there was none). */
export async function deleteUsageBudget(params: { organizationId: string; meter: string }, tx: Tx = db): Promise<UsageBudget | null> {
  const [row] = await tx
    .delete(usageBudgets)
    .where(and(eq(usageBudgets.organizationId, params.organizationId), eq(usageBudgets.meter, params.meter)))
    .returning();
  return row ? { meter: row.meter, budget: Number(row.budget), thresholds: row.thresholds, updatedAt: row.updatedAt } : null;
}

/** Organizations with a budget that accepted usage since `since` (their budgets may have been crossed). */
export async function listBudgetedOrganizationsWithUsageSinceForOperator(params: { since: Date }, tx: Tx = db): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ organizationId: usageBudgets.organizationId })
    .from(usageBudgets)
    .where(
      sql`exists (select 1 from ${usageEvents} where ${usageEvents.organizationId} = ${usageBudgets.organizationId} and ${usageEvents.receivedAt} > ${params.since.toISOString()}::timestamptz)`,
    );
  return rows.map((r) => r.organizationId);
}
