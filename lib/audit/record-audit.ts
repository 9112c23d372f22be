// Appends one entry to the audit log. Every change a customer, an operator, a job or Stripe makes goes
// through here, inside the same transaction as the change when there is one, so the log never disagrees.
import { db, type Tx } from '@/db';
import { insertAuditEntry } from '@/db/queries/audit';

export type AuditActor =
  | { type: 'user'; id: string }
  | { type: 'operator'; id: string }
  | { type: 'system'; id: string }
  | { type: 'stripe'; id: string };

export type AuditRecord = {
  organizationId: string | null;
  actor: AuditActor;
  /** Dotted verb: 'organization.created', 'invoice.marked_paid_out_of_band'. */
  action: string;
  target?: { type: string; id: string };
  data?: Record<string, unknown>;
};

export async function recordAudit(record: AuditRecord, tx: Tx = db): Promise<void> {
  await insertAuditEntry(
    {
      organizationId: record.organizationId,
      actorType: record.actor.type,
      actorId: record.actor.id,
      action: record.action,
      targetType: record.target?.type ?? null,
      targetId: record.target?.id ?? null,
      data: record.data ?? {},
    },
    tx,
  );
}
