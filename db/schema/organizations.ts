// Organizations are the billing entity: one Stripe customer each. People belong through memberships;
// staff are operators, a separate table so a customer role can never grant admin rights.
import { relations, sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth';

export const membershipRole = pgEnum('membership_role', ['owner', 'billing', 'member']);
export const operatorRole = pgEnum('operator_role', ['admin', 'support']);

export const organizations = pgTable('organizations', {
  id: text('id')
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text('name').notNull(),
  /** Set once the Stripe customer exists; unique so one customer never maps to two organizations. */
  stripeCustomerId: text('stripe_customer_id').unique(),
  /** Lower-case ISO currency ('jpy' | 'usd'); null until chosen. Stripe fixes it after the first invoice. */
  currency: text('currency'),
  billingEmail: text('billing_email'),
  /** IANA zone; days in usage summaries and dashboards are days here (Japanese organizations: Asia/Tokyo). */
  timeZone: text('time_zone').notNull().default('UTC'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
},
  // Trigram indexes (pg_trgm) serve the operators' substring searches (`ilike '%…%'`) by name and email, which a
  // b-tree cannot: with 10,000 organizations a search otherwise reads every row of every table it joins.
  (t) => [
    index('organizations_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('organizations_billing_email_trgm_idx').using('gin', sql`${t.billingEmail} gin_trgm_ops`),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: membershipRole('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: membershipRole('role').notNull(),
    invitedByUserId: text('invited_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('invitations_org_email_idx').on(t.organizationId, t.email)],
);

export const operators = pgTable('operators', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  role: operatorRole('role').notNull().default('admin'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const organizationsRelations = relations(organizations, ({ many }) => ({
  memberships: many(memberships),
}));

export const membershipsRelations = relations(memberships, ({ one }) => ({
  organization: one(organizations, { fields: [memberships.organizationId], references: [organizations.id] }),
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
}));
