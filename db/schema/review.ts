// Draft review: "hold invoices for review" per customer (organization) or per plan (a price or product id).
// A held draft gets auto_advance=false on `invoice.created` and waits in /admin/invoices/review for an operator.
import { integer, pgEnum, pgTable, text, timestamp, uniqueIndex, bigserial } from 'drizzle-orm/pg-core';
import { users } from './auth';

export const reviewHoldScope = pgEnum('review_hold_scope', ['organization', 'price', 'product']);

export const reviewHolds = pgTable(
  'review_holds',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    scope: reviewHoldScope('scope').notNull(),
    /** The organization id, or the Stripe price / product id. */
    targetId: text('target_id').notNull(),
    /** Hold only the customer's first N invoices (null: hold every invoice). */
    firstInvoices: integer('first_invoices'),
    updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('review_holds_scope_target_idx').on(t.scope, t.targetId)],
);
