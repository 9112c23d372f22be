// The organization's activity: its audit log entries with the acting person's email, newest first.
import { and, desc, eq, inArray, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
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

/**
 * What the customer's own activity page shows of what others did: Stripe, Seikyu's jobs and the operators, on the
 * customer's plan, invoices, money and account. Everything the organization's members did is shown too. The
 * operators' own work (internal notes, draft review, resyncs, event replays, quotes not yet sent, Connect payouts
 * to payees, emails resent) stays on the operators' pages, which read every entry.
 */
export const CUSTOMER_VISIBLE_ACTIONS = [
  'organization.created',
  'organization.time_zone_changed',
  'billing_details.updated',
  'member.invited',
  'member.joined',
  'member.role_changed',
  'member.removed',
  'member.invitation_revoked',
  'payment_method.added',
  'payment_method.made_default',
  'payment_method.removed',
  'subscription.started',
  'subscription.plan_changed',
  'subscription.promotion_code_applied',
  'subscription.cancel_scheduled',
  'subscription.resumed',
  'subscription.canceled',
  'subscription.collection_method_changed',
  'customer.collection_updated',
  'purchase.paid',
  'invoice.paid_by_customer',
  'invoice.payment_failed',
  'invoice.payment_recorded',
  'invoice.finalized_by_operator',
  'invoice.voided_by_operator',
  'invoice.marked_uncollectible_by_operator',
  'invoice.resent_by_operator',
  'invoice.reminder_sent',
  'credit_note.issued',
  'quote.sent',
  'quote.accepted',
  'quote.canceled',
  'api_key.created',
  'api_key.revoked',
  'usage.budget_set',
  'usage.budget_removed',
] as const;

/** Whose page reads the entries: the customer's (their members' and CUSTOMER_VISIBLE_ACTIONS) or the operators' (all). */
export type ActivityAudience = 'customer' | 'operator';

// The first page (the activity page and the operators' customer page read it on every view) and the pages after
// an entry id, for each audience, each built once (db/prepared-query.ts).
const beforeEntry = () => lt(auditLog.id, sql.placeholder('before'));
/** A member's own actions that are not news to the organization: opening a quote is recorded at every view. */
export const CUSTOMER_HIDDEN_OWN_ACTIONS = ['quote.viewed'] as const;
const customerVisible = () =>
  or(and(eq(auditLog.actorType, 'user'), notInArray(auditLog.action, [...CUSTOMER_HIDDEN_OWN_ACTIONS])), inArray(auditLog.action, [...CUSTOMER_VISIBLE_ACTIONS]));
const selectActivity = preparedQuery('activity', (tx) => activityRows(tx));
const selectActivityBefore = preparedQuery('activity_before', (tx) => activityRows(tx, beforeEntry()));
const selectCustomerActivity = preparedQuery('customer_activity', (tx) => activityRows(tx, customerVisible()));
const selectCustomerActivityBefore = preparedQuery('customer_activity_before', (tx) => activityRows(tx, and(customerVisible(), beforeEntry())));

/** One page of entries older than `before` (an entry id), scoped by organization, as `audience` may read them. */
export async function listActivity(
  params: { organizationId: string; before?: number; audience: ActivityAudience },
  tx: Tx = db,
): Promise<ActivityEntry[]> {
  const { organizationId, before } = params;
  if (params.audience === 'customer') {
    return before ? selectCustomerActivityBefore({ organizationId, before }, tx) : selectCustomerActivity({ organizationId }, tx);
  }
  return before ? selectActivityBefore({ organizationId, before }, tx) : selectActivity({ organizationId }, tx);
}

function activityRows(tx: Tx, narrow?: SQL) {
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
    .where(narrow ? and(scope, narrow) : scope)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(ACTIVITY_PAGE_SIZE);
}
