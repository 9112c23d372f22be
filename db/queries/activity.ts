// The organization's activity: its audit log entries with the acting person's email, newest first.
import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { preparedQuery } from '@/db/prepared-query';
import { auditLog, users } from '@/db/schema';

export type ActivityEntry = {
  id: number;
  action: string;
  actorType: 'user' | 'operator' | 'system' | 'stripe';
  /** User id, Stripe event id, job name, or `stripe-app:usr_…` for a Stripe Dashboard user acting through the Stripe App. */
  actorId: string | null;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
};

export const ACTIVITY_PAGE_SIZE = 50;

// The first page (the activity page and the operators' customer page read it on every view) and the pages after
// an entry id, each built once (db/prepared-query.ts).
const selectActivity = preparedQuery('activity', (tx) => activityRows(tx));
const selectActivityBefore = preparedQuery('activity_before', (tx) => activityRows(tx, lt(auditLog.id, sql.placeholder('before'))));

/** One page of entries older than `before` (an entry id), scoped by organization. */
export async function listActivity(params: { organizationId: string; before?: number }, tx: Tx = db): Promise<ActivityEntry[]> {
  return params.before
    ? selectActivityBefore({ organizationId: params.organizationId, before: params.before }, tx)
    : selectActivity({ organizationId: params.organizationId }, tx);
}

function activityRows(tx: Tx, before?: SQL) {
  const scope = eq(auditLog.organizationId, sql.placeholder('organizationId'));
  return tx
    .select({
      id: auditLog.id,
      action: auditLog.action,
      actorType: auditLog.actorType,
      actorId: auditLog.actorId,
      actorEmail: users.email,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      data: auditLog.data,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(users, and(eq(users.id, auditLog.actorId), or(eq(auditLog.actorType, 'user'), eq(auditLog.actorType, 'operator'))))
    .where(before ? and(scope, before) : scope)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(ACTIVITY_PAGE_SIZE);
}
