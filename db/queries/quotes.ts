// Quotes: the Stripe mirror (`stripe_quotes`) joined with what Seikyu knows about each (`quote_requests`).
// Operators read across organizations (`...ForOperator`). A customer reaches a quote only through
// `getQuoteForViewer`, whose WHERE clause is the rule: the address it was sent to, or a member of the quote's
// organization; anyone else gets no row (a 404).
import { and, desc, eq, gt, gte, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { memberships, organizations, quoteRequests, stripeQuotes } from '@/db/schema';

export type QuoteRecord = typeof stripeQuotes.$inferSelect;
export type QuoteRequestRecord = typeof quoteRequests.$inferSelect;
export type QuoteListStatus = 'draft' | 'open' | 'accepted' | 'canceled' | 'expired';
export const quoteListStatuses: readonly QuoteListStatus[] = ['draft', 'open', 'accepted', 'canceled', 'expired'];

/** Expired: canceled by Stripe at its expiry, or open past `expires_at` and not yet swept by Stripe. */
function statusCondition(status: QuoteListStatus, now: Date): SQL | undefined {
  const expired = or(
    and(eq(stripeQuotes.status, 'canceled'), gte(stripeQuotes.canceledAt, stripeQuotes.expiresAt)),
    and(eq(stripeQuotes.status, 'open'), lte(stripeQuotes.expiresAt, now)),
  );
  if (status === 'expired') return expired;
  if (status === 'open') return and(eq(stripeQuotes.status, 'open'), gt(stripeQuotes.expiresAt, now));
  if (status === 'canceled') return and(eq(stripeQuotes.status, 'canceled'), sql`not (${gte(stripeQuotes.canceledAt, stripeQuotes.expiresAt)})`);
  return eq(stripeQuotes.status, status);
}

export type ListedQuote = {
  quote: QuoteRecord;
  request: QuoteRequestRecord | null;
  organizationName: string | null;
  /** The quote's organization's zone, which its dates are shown in; null for a prospect's quote. */
  organizationTimeZone: string | null;
};

export async function insertQuoteRequestForOperator(row: typeof quoteRequests.$inferInsert, tx: Tx = db): Promise<void> {
  await tx.insert(quoteRequests).values(row).onConflictDoNothing({ target: quoteRequests.quoteId });
}

export async function listQuotesForOperator(
  params: { status?: QuoteListStatus | null; organizationId?: string | null; q?: string | null; now?: Date; limit?: number },
  tx: Tx = db,
): Promise<ListedQuote[]> {
  const now = params.now ?? new Date();
  const pattern = params.q ? `%${params.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await tx
    .select({ quote: stripeQuotes, request: quoteRequests, organizationName: organizations.name, organizationTimeZone: organizations.timeZone })
    .from(stripeQuotes)
    .leftJoin(quoteRequests, eq(quoteRequests.quoteId, stripeQuotes.id))
    .leftJoin(organizations, eq(organizations.id, sql`coalesce(${stripeQuotes.organizationId}, ${quoteRequests.organizationId})`))
    .where(
      and(
        params.status ? statusCondition(params.status, now) : undefined,
        params.organizationId ? or(eq(stripeQuotes.organizationId, params.organizationId), eq(quoteRequests.organizationId, params.organizationId)) : undefined,
        pattern
          ? or(ilike(organizations.name, pattern), ilike(quoteRequests.prospectName, pattern), ilike(quoteRequests.recipientEmail, pattern), ilike(stripeQuotes.number, pattern))
          : undefined,
      ),
    )
    .orderBy(desc(stripeQuotes.stripeCreated), desc(stripeQuotes.id))
    .limit(params.limit ?? 200);
  return rows;
}

export async function getQuoteForOperator(params: { quoteId: string }, tx: Tx = db): Promise<ListedQuote | null> {
  const [row] = await tx
    .select({ quote: stripeQuotes, request: quoteRequests, organizationName: organizations.name, organizationTimeZone: organizations.timeZone })
    .from(stripeQuotes)
    .leftJoin(quoteRequests, eq(quoteRequests.quoteId, stripeQuotes.id))
    .leftJoin(organizations, eq(organizations.id, sql`coalesce(${stripeQuotes.organizationId}, ${quoteRequests.organizationId})`))
    .where(eq(stripeQuotes.id, params.quoteId))
    .limit(1);
  return row ?? null;
}

export async function markQuoteSentForOperator(params: { quoteId: string; userId: string; at: Date }, tx: Tx = db): Promise<void> {
  await tx.update(quoteRequests).set({ sentAt: params.at, sentByUserId: params.userId }).where(eq(quoteRequests.quoteId, params.quoteId));
}

export type ViewedQuote = ListedQuote & {
  request: QuoteRequestRecord;
  /** The viewer's role in the quote's organization; null for the recipient of a prospect's quote. */
  role: (typeof memberships.$inferSelect)['role'] | null;
};

/**
 * The quote as `userId` (signed in as `email`) may see it: sent to that address, or the user is a member of the
 * quote's organization. Drafts are the operators' and never shown. No row: not theirs (a 404).
 */
export async function getQuoteForViewer(params: { quoteId: string; userId: string; email: string }, tx: Tx = db): Promise<ViewedQuote | null> {
  const organizationId = sql`coalesce(${stripeQuotes.organizationId}, ${quoteRequests.organizationId})`;
  const [row] = await tx
    .select({ quote: stripeQuotes, request: quoteRequests, organizationName: organizations.name, organizationTimeZone: organizations.timeZone, role: memberships.role })
    .from(stripeQuotes)
    .innerJoin(quoteRequests, eq(quoteRequests.quoteId, stripeQuotes.id))
    .leftJoin(organizations, eq(organizations.id, organizationId))
    .leftJoin(memberships, and(eq(memberships.organizationId, organizationId), eq(memberships.userId, params.userId)))
    .where(
      and(
        eq(stripeQuotes.id, params.quoteId),
        sql`${stripeQuotes.status} <> 'draft'`,
        or(sql`lower(${quoteRequests.recipientEmail}) = lower(${params.email})`, sql`${memberships.userId} is not null`),
      ),
    )
    .limit(1);
  return row ? { ...row, request: row.request } : null;
}

/** A view of a quote by someone `getQuoteForViewer` let in: first and last view, and by whom. */
export async function recordQuoteViewForViewer(params: { quoteId: string; email: string; at: Date }, tx: Tx = db): Promise<void> {
  await tx
    .update(quoteRequests)
    .set({ firstViewedAt: sql`coalesce(${quoteRequests.firstViewedAt}, ${params.at.toISOString()}::timestamptz)`, lastViewedAt: params.at, lastViewedByEmail: params.email })
    .where(eq(quoteRequests.quoteId, params.quoteId));
}

/** Who accepted, when, and (a prospect's quote) the organization created for them. */
export async function recordQuoteAcceptanceForViewer(
  params: { quoteId: string; email: string; at: Date; organizationId: string },
  tx: Tx = db,
): Promise<void> {
  await tx
    .update(quoteRequests)
    .set({ acceptedAt: sql`coalesce(${quoteRequests.acceptedAt}, ${params.at.toISOString()}::timestamptz)`, acceptedByEmail: sql`coalesce(${quoteRequests.acceptedByEmail}, ${params.email})`, organizationId: params.organizationId })
    .where(eq(quoteRequests.quoteId, params.quoteId));
}

/**
 * Locks one quote's request row until the transaction ends and returns it: a prospect's double submit of Accept
 * creates one organization. Called only after getQuoteForViewer let the viewer in.
 */
export async function lockQuoteRequestForViewer(params: { quoteId: string }, tx: Tx): Promise<QuoteRequestRecord | null> {
  const [row] = await tx.select().from(quoteRequests).where(eq(quoteRequests.quoteId, params.quoteId)).for('update').limit(1);
  return row ?? null;
}

/** The organization created for a prospect who accepted (written once: a set organization is kept). */
export async function setQuoteRequestOrganization(params: { quoteId: string; organizationId: string }, tx: Tx = db): Promise<void> {
  await tx
    .update(quoteRequests)
    .set({ organizationId: sql`coalesce(${quoteRequests.organizationId}, ${params.organizationId})` })
    .where(eq(quoteRequests.quoteId, params.quoteId));
}
