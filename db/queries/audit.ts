// The audit log: appended by lib/audit, read by the admin pages.
import { desc, eq } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { auditLog } from '@/db/schema';

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
