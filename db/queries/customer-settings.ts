// What the per-customer settings read: how each live subscription of the organization collects.
import { and, desc, eq, notInArray } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { auditLog, stripeSubscriptions } from '@/db/schema';

export type SubscriptionCollection = {
  id: string;
  status: string;
  collectionMethod: 'charge_automatically' | 'send_invoice';
  daysUntilDue: number | null;
};

export async function listLiveSubscriptionCollection(params: { organizationId: string }, tx: Tx = db): Promise<SubscriptionCollection[]> {
  return tx
    .select({ id: stripeSubscriptions.id, status: stripeSubscriptions.status, collectionMethod: stripeSubscriptions.collectionMethod, daysUntilDue: stripeSubscriptions.daysUntilDue })
    .from(stripeSubscriptions)
    .where(and(eq(stripeSubscriptions.organizationId, params.organizationId), notInArray(stripeSubscriptions.status, ['canceled', 'incomplete_expired'])))
    .orderBy(desc(stripeSubscriptions.stripeCreated));
}

/** The newest audit entry id for the organization (0 for none): a marker of "the state an operator saw". */
export async function getLatestAuditId(params: { organizationId: string }, tx: Tx = db): Promise<number> {
  const [row] = await tx.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.organizationId, params.organizationId)).orderBy(desc(auditLog.id)).limit(1);
  return row?.id ?? 0;
}
