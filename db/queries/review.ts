// Draft-review holds ("hold invoices for review") per organization, price or product. Operator settings that
// cross organizations, hence `...ForOperator`.
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { reviewHolds } from '@/db/schema';

export type ReviewHold = typeof reviewHolds.$inferSelect;
export type ReviewHoldScope = ReviewHold['scope'];

export async function listReviewHoldsForOperator(params: { scope?: ReviewHoldScope; targetId?: string } = {}, tx: Tx = db): Promise<ReviewHold[]> {
  return tx
    .select()
    .from(reviewHolds)
    .where(and(params.scope ? eq(reviewHolds.scope, params.scope) : undefined, params.targetId ? eq(reviewHolds.targetId, params.targetId) : undefined))
    .orderBy(asc(reviewHolds.scope), asc(reviewHolds.targetId));
}

/** The holds that apply to an invoice of this organization with these prices and products. */
export async function findApplicableReviewHoldsForOperator(
  params: { organizationId: string | null; priceIds: string[]; productIds: string[] },
  tx: Tx = db,
): Promise<ReviewHold[]> {
  const scopes = [
    params.organizationId ? and(eq(reviewHolds.scope, 'organization'), eq(reviewHolds.targetId, params.organizationId)) : undefined,
    params.priceIds.length ? and(eq(reviewHolds.scope, 'price'), inArray(reviewHolds.targetId, params.priceIds)) : undefined,
    params.productIds.length ? and(eq(reviewHolds.scope, 'product'), inArray(reviewHolds.targetId, params.productIds)) : undefined,
  ].filter(Boolean);
  if (scopes.length === 0) return [];
  return tx.select().from(reviewHolds).where(or(...scopes));
}

/** Sets (or replaces) the hold of one organization, price or product; returns the previous one for the audit. */
export async function upsertReviewHoldForOperator(
  params: { scope: ReviewHoldScope; targetId: string; firstInvoices: number | null; updatedBy: string },
  tx: Tx = db,
): Promise<{ before: ReviewHold | null; after: ReviewHold }> {
  const [before] = await tx.select().from(reviewHolds).where(and(eq(reviewHolds.scope, params.scope), eq(reviewHolds.targetId, params.targetId)));
  const [after] = await tx
    .insert(reviewHolds)
    .values({ ...params, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: [reviewHolds.scope, reviewHolds.targetId],
      set: { firstInvoices: params.firstInvoices, updatedBy: params.updatedBy, updatedAt: new Date() },
    })
    .returning();
  return { before: before ?? null, after: after! };
}

export async function deleteReviewHoldForOperator(params: { scope: ReviewHoldScope; targetId: string }, tx: Tx = db): Promise<ReviewHold | null> {
  const [deleted] = await tx
    .delete(reviewHolds)
    .where(and(eq(reviewHolds.scope, params.scope), eq(reviewHolds.targetId, params.targetId)))
    .returning();
  return deleted ?? null;
}
