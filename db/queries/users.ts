// People who sign in, and the operators among them.
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { preparedQuery } from '@/db/prepared-query';
import { operators, sessions, users, verificationTokens } from '@/db/schema';

export type User = typeof users.$inferSelect;
export type OperatorRole = (typeof operators.$inferSelect)['role'];

export async function getUserById(params: { userId: string }, tx: Tx = db): Promise<User | null> {
  const [row] = await tx.select().from(users).where(eq(users.id, params.userId)).limit(1);
  return row ?? null;
}

/**
 * The user a database session belongs to, with the session's expiry and the user's operator role: one statement
 * for "who is asking" on every page view. Null for an unknown token; the caller decides about expiry.
 */
export async function findSessionUser(
  params: { sessionToken: string },
  tx: Tx = db,
): Promise<{ user: User; expires: Date; operatorRole: OperatorRole | null } | null> {
  const [row] = await selectSessionUser(params, tx);
  return row ?? null;
}

const selectSessionUser = preparedQuery('session_user', (tx) =>
  tx
    .select({ user: users, expires: sessions.expires, operatorRole: operators.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(operators, eq(operators.userId, users.id))
    .where(eq(sessions.sessionToken, sql.placeholder('sessionToken')))
    .limit(1),
);

/** Slides a session's expiry forward (next-auth's `updateAge` renewal, done where pages read the session). */
export async function renewSession(params: { sessionToken: string; expires: Date }, tx: Tx = db): Promise<void> {
  await tx.update(sessions).set({ expires: params.expires }).where(eq(sessions.sessionToken, params.sessionToken));
}

export async function updateUserLocale(params: { userId: string; locale: string }, tx: Tx = db): Promise<void> {
  await tx.update(users).set({ locale: params.locale }).where(eq(users.id, params.userId));
}

export async function getOperatorRole(params: { userId: string }, tx: Tx = db): Promise<OperatorRole | null> {
  const [row] = await tx.select({ role: operators.role }).from(operators).where(eq(operators.userId, params.userId)).limit(1);
  return row?.role ?? null;
}

/** Idempotent: an existing operator keeps the role it has. */
export async function ensureOperator(params: { userId: string; role?: OperatorRole }, tx: Tx = db): Promise<void> {
  await tx
    .insert(operators)
    .values({ userId: params.userId, role: params.role ?? 'admin' })
    .onConflictDoUpdate({ target: operators.userId, set: { role: params.role ?? 'admin' } });
}

export async function getUsersByIds(params: { userIds: string[] }, tx: Tx = db): Promise<User[]> {
  if (params.userIds.length === 0) return [];
  return tx.select().from(users).where(inArray(users.id, params.userIds));
}

/**
 * How many sign-in links were issued to `email` after `since`. Tokens carry only their expiry, which is the
 * issue time plus `maxAgeSeconds`; used tokens are deleted, so this counts links still outstanding.
 */
export async function countSignInLinksIssuedSince(
  params: { email: string; since: Date; maxAgeSeconds: number },
  tx: Tx = db,
): Promise<number> {
  const threshold = new Date(params.since.getTime() + params.maxAgeSeconds * 1000);
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(verificationTokens)
    .where(and(eq(verificationTokens.identifier, params.email.trim().toLowerCase()), gt(verificationTokens.expires, threshold)));
  return row?.count ?? 0;
}
