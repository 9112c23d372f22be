// The audit log: appended by lib/audit, read by the admin pages.
import { and, desc, eq } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { auditLog, users } from '@/db/schema';

export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = typeof auditLog.$inferInsert;

export async function insertAuditEntry(entry: NewAuditEntry, tx: Tx = db): Promise<AuditEntry> {
  const [row] = await tx.insert(auditLog).values(entry).returning();
  return row!;
}

export async function listAuditEntries(params: { organizationId: string; limit?: number }, tx: Tx = db): Promise<AuditEntry[]> {
  return tx
    .select()
    .from(auditLog)
    .where(eq(auditLog.organizationId, params.organizationId))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(Math.min(params.limit ?? 20, 100));
}

/** The audit entries about one target (an invoice), newest first, with the operator's or user's email. */
export async function listAuditEntriesForTargetForOperator(
  params: { targetType: string; targetId: string; limit?: number },
  tx: Tx = db,
): Promise<(AuditEntry & { actorEmail: string | null })[]> {
  const rows = await tx
    .select({ entry: auditLog, actorEmail: users.email })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.targetType, params.targetType), eq(auditLog.targetId, params.targetId)))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(Math.min(params.limit ?? 50, 200));
  return rows.map((r) => ({ ...r.entry, actorEmail: r.actorEmail }));
}
