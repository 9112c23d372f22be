// Append-only record of who did what to whom: customers' and operators' actions and what Stripe told us.
import { bigserial, index, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';

export const auditActorType = pgEnum('audit_actor_type', ['user', 'operator', 'system', 'stripe']);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organizationId: text('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    actorType: auditActorType('actor_type').notNull(),
    /** User id for 'user' / 'operator', event id for 'stripe', job name for 'system'. */
    actorId: text('actor_id'),
    /** Dotted verb, e.g. 'subscription.created', 'invoice.marked_paid_out_of_band'. */
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_org_created_idx').on(t.organizationId, t.createdAt), index('audit_log_created_idx').on(t.createdAt), index('audit_log_target_idx').on(t.targetType, t.targetId)],
);
