// The audit log across every organization, for /admin/audit and its CSV: filtered by actor (email or id),
// action (prefix), organization and dates, newest first, paged by id (keyset: stable while rows are appended).
import { and, desc, eq, gte, ilike, lt, lte, or, type SQL } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { auditLog, organizations, users } from '@/db/schema';
import { likePattern } from './customers';

export type AuditSearch = {
  actor?: string;
  actorType?: 'user' | 'operator' | 'system' | 'stripe';
  action?: string;
  organizationId?: string;
  from?: Date;
  to?: Date;
  /** Entries older than this id (the next page). */
  before?: number;
  limit?: number;
};

export type AuditSearchRow = {
  id: number;
  organizationId: string | null;
  organizationName: string | null;
  actorType: 'user' | 'operator' | 'system' | 'stripe';
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
};

export const AUDIT_PAGE_SIZE = 50;

export async function searchAuditLogForOperator(params: AuditSearch, tx: Tx = db): Promise<AuditSearchRow[]> {
  const conditions: (SQL | undefined)[] = [
    params.actor ? or(eq(auditLog.actorId, params.actor), ilike(users.email, likePattern(params.actor))) : undefined,
    params.actorType ? eq(auditLog.actorType, params.actorType) : undefined,
    params.action ? ilike(auditLog.action, `${likePattern(params.action).replace(/^%/, '')}`) : undefined,
    params.organizationId ? eq(auditLog.organizationId, params.organizationId) : undefined,
    params.from ? gte(auditLog.createdAt, params.from) : undefined,
    params.to ? lte(auditLog.createdAt, params.to) : undefined,
    params.before ? lt(auditLog.id, params.before) : undefined,
  ];
  return tx
    .select({
      id: auditLog.id,
      organizationId: auditLog.organizationId,
      organizationName: organizations.name,
      actorType: auditLog.actorType,
      actorId: auditLog.actorId,
      actorEmail: users.email,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      data: auditLog.data,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(users, and(eq(users.id, auditLog.actorId), or(eq(auditLog.actorType, 'user'), eq(auditLog.actorType, 'operator'))))
    .leftJoin(organizations, eq(organizations.id, auditLog.organizationId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(Math.min(params.limit ?? AUDIT_PAGE_SIZE, 5000));
}
