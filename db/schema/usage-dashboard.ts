// What the usage dashboard reads besides the usage events (db/schema/usage.ts): the projected invoice, a mirror of
// Stripe's invoice preview kept per organization and refreshed by a job (never fetched on a page view), and the
// budgets a customer sets per meter for its email alerts.
import { index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { PriceCatalogTexts } from '@/db/catalog-text';
import { users } from './auth';
import { organizations } from './organizations';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export type ProjectedInvoiceLine = {
  description: string | null;
  /** In the invoice currency's minor unit. */
  amount: number;
  quantity: number | null;
  priceId: string | null;
  /** The line's meter (its price's meter event name), when it bills usage. */
  meter: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  /**
   * Who wrote `description` (lib/billing/invoices/line-description.ts): Stripe for a subscription's period or a
   * proration, else someone who created an invoice item. Absent on projections stored before it was kept; migration
   * 0017 asked for those to be fetched again.
   */
  origin?: 'subscription' | 'proration' | 'written';
  /** The price's catalogue texts when the projection was made, to describe Stripe's lines in the reader's language. */
  catalog?: PriceCatalogTexts | null;
};

/**
 * One row per organization. `requestedAt` is set whenever something that changes the preview happened (usage
 * reported, the subscription changed); the refresh job fetches the preview when `requestedAt` is newer than
 * `refreshedAt`, so a lost job is found again by the sweep. Amounts are null while no subscription is billed.
 */
export const invoiceProjections = pgTable(
  'invoice_projections',
  {
    organizationId: text('organization_id')
      .primaryKey()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    customerId: text('customer_id'),
    subscriptionId: text('subscription_id'),
    currency: text('currency'),
    subtotal: integer('subtotal'),
    tax: integer('tax'),
    total: integer('total'),
    amountDue: integer('amount_due'),
    periodStart: ts('period_start'),
    periodEnd: ts('period_end'),
    lines: jsonb('lines').$type<ProjectedInvoiceLine[]>().notNull().default([]),
    requestedAt: ts('requested_at').notNull().defaultNow(),
    refreshedAt: ts('refreshed_at'),
    /** The last refresh's failure (shown to operators), cleared by a successful one. */
    lastError: text('last_error'),
  },
  (t) => [index('invoice_projections_requested_idx').on(t.requestedAt)],
);

/**
 * A customer's budget for one meter per billing period, in the meter's unit (e.g. 1,000 device-hours), and the
 * percentages of it that send an email when crossed (each once per period).
 */
export const usageBudgets = pgTable(
  'usage_budgets',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    meter: text('meter').notNull(),
    budget: numeric('budget').notNull(),
    thresholds: jsonb('thresholds').$type<number[]>().notNull(),
    updatedByUserId: text('updated_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.meter] })],
);
