// Stripe Connect: payees (doctors, partner clinics) as connected accounts, split rules per product or price,
// and each sale's transfers. The payee row also mirrors its account's status (written only from a re-read of the
// account: lib/connect/sync-payee-account.ts). A sale's transfers are one row per sale·payee (unique), created
// when the sale is recorded, so a replayed webhook or a crash can only move an existing row forward, never add
// a second payment.
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { organizations } from './organizations';

const ts = (name: string) => timestamp(name, { withTimezone: true });
/** Money in the currency's minor unit as Stripe defines it (JPY has none). */
const money = (name: string) => bigint(name, { mode: 'number' });

/** onboarding: terms not accepted / details not submitted; restricted: submitted but transfers not active. */
export const payeeStatus = pgEnum('payee_status', ['onboarding', 'restricted', 'enabled']);
/**
 * scheduled: the sale is not paid yet; pending: paid, waiting for the payee's account to be enabled;
 * sent: the Stripe transfer exists; failed: Stripe refused it (retry from /admin/transfers); reversed: all of it
 * came back (partial reversals keep `sent` with `reversedAmount`).
 */
export const connectTransferStatus = pgEnum('connect_transfer_status', ['scheduled', 'pending', 'sent', 'failed', 'reversed']);
/** Which Stripe API the payee's connected account was created with, so its status is read through the same one. */
export const payeeAccountApi = pgEnum('payee_account_api', ['v1', 'v2']);
export const connectSaleStatus = pgEnum('connect_sale_status', ['awaiting_payment', 'paid', 'refunded']);

export type SplitShare = { role: string; kind: 'fixed' | 'percent'; /** fixed: minor units; percent: basis points */ value: number };

export const connectPayees = pgTable(
  'connect_payees',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text('name').notNull(),
    /** Lower-case; the payee signs in with it and sees only the rows of this payee. */
    email: text('email').notNull(),
    role: text('role').notNull(),
    /** ISO 3166-1 alpha-2, upper-case; fixes the currency the payee can be paid in. */
    country: text('country').notNull(),
    currency: text('currency').notNull(),
    stripeAccountId: text('stripe_account_id').notNull().unique(),
    /**
     * v2: Accounts v2 with the recipient configuration (payees added since the v2 change; status from
     * `configuration.recipient` and `requirements.entries`); v1: an Express account added before (`account.updated`).
     */
    accountApi: payeeAccountApi('account_api').notNull().default('v1'),
    status: payeeStatus('status').notNull().default('onboarding'),
    /** The account's `requirements.currently_due` as last read. */
    requirementsDue: jsonb('requirements_due').$type<string[]>().notNull().default([]),
    disabledReason: text('disabled_reason'),
    detailsSubmitted: boolean('details_submitted').notNull().default(false),
    createdByUserId: text('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    accountSyncedAt: ts('account_synced_at'),
  },
  (t) => [uniqueIndex('connect_payees_email_idx').on(t.email)],
);

export const splitRules = pgTable(
  'split_rules',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    /** A price's rule wins over its product's. */
    scope: text('scope').$type<'price' | 'product'>().notNull(),
    targetId: text('target_id').notNull(),
    /** The currency its fixed shares are in (the price's, or the product's prices'). */
    currency: text('currency').notNull(),
    shares: jsonb('shares').$type<SplitShare[]>().notNull(),
    updatedByUserId: text('updated_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('split_rules_target_idx').on(t.scope, t.targetId)],
);

export const connectSales = pgTable(
  'connect_sales',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    priceId: text('price_id').notNull(),
    productName: text('product_name').notNull(),
    currency: text('currency').notNull(),
    /** What the split is computed on: the price's unit amount. */
    amount: money('amount').notNull(),
    /** The invoice's total (tax included where the price excludes it): refunds and credits are a share of this. */
    billedAmount: money('billed_amount'),
    /** The invoice that bills the sale; its payment's charge is every transfer's `source_transaction`. */
    invoiceId: text('invoice_id').unique(),
    chargeId: text('charge_id'),
    /** `sale_<id>`: Stripe's transfer_group tying the charge and its transfers together. */
    transferGroup: text('transfer_group').notNull(),
    status: connectSaleStatus('status').notNull().default('awaiting_payment'),
    /** Refunded or credited so far (the larger of the charge's refunds and the invoice's credit notes). */
    reducedAmount: money('reduced_amount').notNull().default(0),
    createdByUserId: text('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    paidAt: ts('paid_at'),
  },
  (t) => [index('connect_sales_org_idx').on(t.organizationId), index('connect_sales_created_idx').on(t.createdAt)],
);

export const connectTransfers = pgTable(
  'connect_transfers',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    saleId: text('sale_id')
      .notNull()
      .references(() => connectSales.id, { onDelete: 'cascade' }),
    payeeId: text('payee_id')
      .notNull()
      .references(() => connectPayees.id, { onDelete: 'restrict' }),
    role: text('role').notNull(),
    currency: text('currency').notNull(),
    amount: money('amount').notNull(),
    status: connectTransferStatus('status').notNull().default('scheduled'),
    stripeTransferId: text('stripe_transfer_id'),
    reversedAmount: money('reversed_amount').notNull().default(0),
    /** Bumped by an operator's retry of a failed transfer: part of the idempotency key, since Stripe keeps a failed attempt's answer under its key. */
    attempt: integer('attempt').notNull().default(0),
    failureMessage: text('failure_message'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
  },
  (t) => [
    uniqueIndex('connect_transfers_sale_payee_idx').on(t.saleId, t.payeeId),
    index('connect_transfers_payee_idx').on(t.payeeId),
    index('connect_transfers_status_idx').on(t.status),
  ],
);
