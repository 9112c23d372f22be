// Payees (connected accounts) and split rules. Both belong to the platform, not to a customer organization:
// a doctor is paid from many facilities' sales. Payee rows are read by operators, by the payee themself (by
// their own sign-in email) and by the Connect webhook (by Stripe account id).
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { connectPayees, splitRules, type SplitShare } from '@/db/schema';

export type Payee = typeof connectPayees.$inferSelect;
export type SplitRule = typeof splitRules.$inferSelect;
export type PayeeStatus = Payee['status'];

export async function insertPayee(
  params: {
    id: string;
    name: string;
    email: string;
    role: string;
    country: string;
    currency: string;
    stripeAccountId: string;
    accountApi: Payee['accountApi'];
    createdByUserId: string;
  },
  tx: Tx = db,
): Promise<Payee> {
  const [row] = await tx.insert(connectPayees).values(params).returning();
  return row!;
}

export async function getPayee(params: { payeeId: string }, tx: Tx = db): Promise<Payee | null> {
  const [row] = await tx.select().from(connectPayees).where(eq(connectPayees.id, params.payeeId)).limit(1);
  return row ?? null;
}

export async function getPayeeByEmail(params: { email: string }, tx: Tx = db): Promise<Payee | null> {
  const [row] = await tx.select().from(connectPayees).where(eq(connectPayees.email, params.email.toLowerCase())).limit(1);
  return row ?? null;
}

export async function getPayeeByAccountId(params: { stripeAccountId: string }, tx: Tx = db): Promise<Payee | null> {
  const [row] = await tx.select().from(connectPayees).where(eq(connectPayees.stripeAccountId, params.stripeAccountId)).limit(1);
  return row ?? null;
}

export async function listPayees(params: { status?: PayeeStatus; role?: string } = {}, tx: Tx = db): Promise<Payee[]> {
  const where = [params.status ? eq(connectPayees.status, params.status) : undefined, params.role ? eq(connectPayees.role, params.role) : undefined].filter(
    (c) => c !== undefined,
  );
  return tx
    .select()
    .from(connectPayees)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(connectPayees.createdAt), asc(connectPayees.id));
}

export async function listPayeesByIds(params: { payeeIds: string[] }, tx: Tx = db): Promise<Payee[]> {
  if (params.payeeIds.length === 0) return [];
  return tx.select().from(connectPayees).where(inArray(connectPayees.id, params.payeeIds));
}

/** The mirror write from a re-read account; returns the row before and after (null when the account is not ours). */
export async function updatePayeeAccountState(
  params: { stripeAccountId: string; status: PayeeStatus; requirementsDue: string[]; disabledReason: string | null; detailsSubmitted: boolean },
  tx: Tx = db,
): Promise<{ before: Payee; after: Payee } | null> {
  return tx.transaction(async (inner) => {
    const [before] = await inner.select().from(connectPayees).where(eq(connectPayees.stripeAccountId, params.stripeAccountId)).for('update').limit(1);
    if (!before) return null;
    const [after] = await inner
      .update(connectPayees)
      .set({
        status: params.status,
        requirementsDue: params.requirementsDue,
        disabledReason: params.disabledReason,
        detailsSubmitted: params.detailsSubmitted,
        accountSyncedAt: new Date(),
      })
      .where(eq(connectPayees.id, before.id))
      .returning();
    return { before, after: after! };
  });
}

export async function upsertSplitRule(params: { scope: 'price' | 'product'; targetId: string; currency: string; shares: SplitShare[]; updatedByUserId: string }, tx: Tx = db): Promise<SplitRule> {
  const [row] = await tx
    .insert(splitRules)
    .values(params)
    .onConflictDoUpdate({ target: [splitRules.scope, splitRules.targetId], set: { shares: params.shares, currency: params.currency, updatedByUserId: params.updatedByUserId, updatedAt: new Date() } })
    .returning();
  return row!;
}

export async function getSplitRule(params: { scope: 'price' | 'product'; targetId: string }, tx: Tx = db): Promise<SplitRule | null> {
  const [row] = await tx
    .select()
    .from(splitRules)
    .where(and(eq(splitRules.scope, params.scope), eq(splitRules.targetId, params.targetId)))
    .limit(1);
  return row ?? null;
}

export async function listSplitRules(tx: Tx = db): Promise<SplitRule[]> {
  return tx.select().from(splitRules).orderBy(asc(splitRules.scope), asc(splitRules.targetId));
}
