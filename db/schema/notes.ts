// Operators' notes about a customer (organization): free text, who wrote it and when. Edits and deletions
// are recorded in the audit log with the text before and after, so the note itself keeps only its last state.
import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { organizations } from './organizations';

export const customerNotes = pgTable(
  'customer_notes',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** Who wrote it when that is not a portal user: a Stripe Dashboard user through the Stripe App (`stripe-app:usr_…`). */
    authorLabel: text('author_label'),
    updatedById: text('updated_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('customer_notes_org_created_idx').on(t.organizationId, t.createdAt)],
);
