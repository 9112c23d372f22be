// The local mirror of Stripe objects the portal renders from. Rows are upserted by Stripe id by the sync
// functions in lib/stripe-sync (never by page code); `data` keeps the whole object as last read from Stripe,
// the columns are what queries filter and sort on. `stripeCreated` is the object's Stripe `created`;
// `syncedAt` is when we last re-read it.
import { relations } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';

const ts = (name: string) => timestamp(name, { withTimezone: true });
/** Money in the currency's minor unit as Stripe defines it (JPY has none). */
const money = (name: string) => bigint(name, { mode: 'number' });

export const subscriptionStatus = pgEnum('subscription_status', [
  'incomplete',
  'incomplete_expired',
  'trialing',
  'active',
  'past_due',
  'canceled',
  'unpaid',
  'paused',
]);
export const invoiceStatus = pgEnum('invoice_status', ['draft', 'open', 'paid', 'uncollectible', 'void']);
export const collectionMethod = pgEnum('collection_method', ['charge_automatically', 'send_invoice']);
export const priceType = pgEnum('price_type', ['one_time', 'recurring']);

export const stripeProducts = pgTable('stripe_products', {
  id: text('id').primaryKey(),
  active: boolean('active').notNull(),
  name: text('name').notNull(),
  description: text('description'),
  defaultPriceId: text('default_price_id'),
  metadata: jsonb('metadata').$type<Record<string, string>>().notNull().default({}),
  stripeCreated: ts('stripe_created').notNull(),
  data: jsonb('data').notNull(),
  syncedAt: ts('synced_at').notNull().defaultNow(),
});

export const stripePrices = pgTable(
  'stripe_prices',
  {
    id: text('id').primaryKey(),
    productId: text('product_id').notNull(),
    active: boolean('active').notNull(),
    currency: text('currency').notNull(),
    /** Null for tiered or custom-unit-amount prices. */
    unitAmount: money('unit_amount'),
    /** Other currencies' unit amounts: { usd: { unit_amount: 1000 } }. */
    currencyOptions: jsonb('currency_options').$type<Record<string, { unit_amount: number | null }>>().notNull().default({}),
    type: priceType('type').notNull(),
    billingScheme: text('billing_scheme').notNull(),
    recurringInterval: text('recurring_interval'),
    recurringIntervalCount: integer('recurring_interval_count'),
    usageType: text('usage_type'),
    meterId: text('meter_id'),
    trialPeriodDays: integer('trial_period_days'),
    lookupKey: text('lookup_key'),
    nickname: text('nickname'),
    metadata: jsonb('metadata').$type<Record<string, string>>().notNull().default({}),
    stripeCreated: ts('stripe_created').notNull(),
    data: jsonb('data').notNull(),
    syncedAt: ts('synced_at').notNull().defaultNow(),
  },
  (t) => [index('stripe_prices_product_idx').on(t.productId)],
);

export const stripeCustomers = pgTable(
  'stripe_customers',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    email: text('email'),
    name: text('name'),
    currency: text('currency'),
    balance: money('balance').notNull().default(0),
    defaultPaymentMethodId: text('default_payment_method_id'),
    preferredLocales: jsonb('preferred_locales').$type<string[]>().notNull().default([]),
    deleted: boolean('deleted').notNull().default(false),
    metadata: jsonb('metadata').$type<Record<string, string>>().notNull().default({}),
    stripeCreated: ts('stripe_created').notNull(),
    data: jsonb('data').notNull(),
    syncedAt: ts('synced_at').notNull().defaultNow(),
  },
  (t) => [index('stripe_customers_org_idx').on(t.organizationId), index('stripe_customers_email_idx').on(t.email)],
);

export const stripeSubscriptions = pgTable(
  'stripe_subscriptions',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    organizationId: text('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    status: subscriptionStatus('status').notNull(),
    collectionMethod: collectionMethod('collection_method').notNull(),
    currency: text('currency').notNull(),
    cancelAtPeriodEnd: boolean('cancel_at_period_end').notNull().default(false),
    cancelAt: ts('cancel_at'),
    canceledAt: ts('canceled_at'),
    endedAt: ts('ended_at'),
    /** Earliest start / latest end over the items' periods (periods live on items in this API version). */
    currentPeriodStart: ts('current_period_start'),
    currentPeriodEnd: ts('current_period_end'),
    trialStart: ts('trial_start'),
    trialEnd: ts('trial_end'),
    daysUntilDue: integer('days_until_due'),
    defaultPaymentMethodId: text('default_payment_method_id'),
    latestInvoiceId: text('latest_invoice_id'),
    metadata: jsonb('metadata').$type<Record<string, string>>().notNull().default({}),
    stripeCreated: ts('stripe_created').notNull(),
    data: jsonb('data').notNull(),
    syncedAt: ts('synced_at').notNull().defaultNow(),
  },
  (t) => [
    index('stripe_subscriptions_customer_idx').on(t.customerId),
    index('stripe_subscriptions_org_idx').on(t.organizationId),
  ],
);

export const stripeSubscriptionItems = pgTable(
  'stripe_subscription_items',
  {
    id: text('id').primaryKey(),
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => stripeSubscriptions.id, { onDelete: 'cascade' }),
    priceId: text('price_id').notNull(),
    quantity: integer('quantity'),
    currentPeriodStart: ts('current_period_start').notNull(),
    currentPeriodEnd: ts('current_period_end').notNull(),
    metadata: jsonb('metadata').$type<Record<string, string>>().notNull().default({}),
    stripeCreated: ts('stripe_created').notNull(),
    data: jsonb('data').notNull(),
    syncedAt: ts('synced_at').notNull().defaultNow(),
  },
  (t) => [index('stripe_subscription_items_subscription_idx').on(t.subscriptionId)],
);

/** One rate's tax on a mirrored invoice (lib/billing/tax/tax-lines.ts `TaxLine`). */
export type MirroredTaxLine = {
  rateId: string | null;
  displayName: string;
  /** Null when Stripe named the rate by an id the sync could not read: the rate is then not stated, never as 0 %. */
  percentage: number | null;
  inclusive: boolean;
  amount: number;
  taxableAmount: number;
};

export const stripeInvoices = pgTable(
  'stripe_invoices',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    organizationId: text('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    subscriptionId: text('subscription_id'),
    number: text('number'),
    status: invoiceStatus('status').notNull(),
    collectionMethod: collectionMethod('collection_method').notNull(),
    billingReason: text('billing_reason'),
    currency: text('currency').notNull(),
    subtotal: money('subtotal').notNull(),
    total: money('total').notNull(),
    amountDue: money('amount_due').notNull(),
    amountPaid: money('amount_paid').notNull(),
    amountRemaining: money('amount_remaining').notNull(),
    /** Σ of every rate's tax (inclusive tax included): Stripe's `total_taxes`; 0 for an invoice without tax rates. */
    tax: money('tax').notNull().default(0),
    totalExcludingTax: money('total_excluding_tax'),
    /** Tax per rate, with the rate's name and percentage as they were when the invoice was mirrored. */
    taxes: jsonb('taxes').$type<MirroredTaxLine[]>().notNull().default([]),
    autoAdvance: boolean('auto_advance'),
    periodStart: ts('period_start'),
    periodEnd: ts('period_end'),
    dueDate: ts('due_date'),
    finalizedAt: ts('finalized_at'),
    paidAt: ts('paid_at'),
    hostedInvoiceUrl: text('hosted_invoice_url'),
    invoicePdf: text('invoice_pdf'),
    metadata: jsonb('metadata').$type<Record<string, string>>().notNull().default({}),
    stripeCreated: ts('stripe_created').notNull(),
    data: jsonb('data').notNull(),
    syncedAt: ts('synced_at').notNull().defaultNow(),
  },
  (t) => [
    index('stripe_invoices_customer_idx').on(t.customerId),
    index('stripe_invoices_org_created_idx').on(t.organizationId, t.stripeCreated),
    index('stripe_invoices_status_idx').on(t.status),
    // Operators search by invoice number (with name, email and ids; db/queries/invoices.ts).
    index('stripe_invoices_number_idx').on(t.number),
    // The operators' invoice list: newest first, optionally by status (counts per status scan this index).
    index('stripe_invoices_created_idx').on(t.stripeCreated, t.id),
    index('stripe_invoices_status_created_idx').on(t.status, t.stripeCreated),
    // Month-end receivables: invoices not paid by the chosen day are `paid_at is null or paid_at > asOf`, two
    // ranges of this index (a bitmap OR) instead of reading every invoice ever issued.
    index('stripe_invoices_paid_at_idx').on(t.paidAt),
  ],
);

export const stripeInvoiceLines = pgTable(
  'stripe_invoice_lines',
  {
    id: text('id').primaryKey(),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => stripeInvoices.id, { onDelete: 'cascade' }),
    description: text('description'),
    amount: money('amount').notNull(),
    currency: text('currency').notNull(),
    quantity: integer('quantity'),
    priceId: text('price_id'),
    proration: boolean('proration').notNull().default(false),
    periodStart: ts('period_start'),
    periodEnd: ts('period_end'),
    /** Display order as Stripe lists the lines. */
    position: integer('position').notNull(),
    data: jsonb('data').notNull(),
  },
  (t) => [index('stripe_invoice_lines_invoice_idx').on(t.invoiceId)],
);

export const stripePaymentMethods = pgTable(
  'stripe_payment_methods',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id'),
    organizationId: text('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    type: text('type').notNull(),
    cardBrand: text('card_brand'),
    cardLast4: text('card_last4'),
    cardExpMonth: integer('card_exp_month'),
    cardExpYear: integer('card_exp_year'),
    stripeCreated: ts('stripe_created').notNull(),
    data: jsonb('data').notNull(),
    syncedAt: ts('synced_at').notNull().defaultNow(),
  },
  (t) => [index('stripe_payment_methods_customer_idx').on(t.customerId)],
);

export const stripeSubscriptionsRelations = relations(stripeSubscriptions, ({ many }) => ({
  items: many(stripeSubscriptionItems),
}));

export const stripeSubscriptionItemsRelations = relations(stripeSubscriptionItems, ({ one }) => ({
  subscription: one(stripeSubscriptions, {
    fields: [stripeSubscriptionItems.subscriptionId],
    references: [stripeSubscriptions.id],
  }),
}));

export const stripeInvoicesRelations = relations(stripeInvoices, ({ many }) => ({
  lines: many(stripeInvoiceLines),
}));

export const stripeInvoiceLinesRelations = relations(stripeInvoiceLines, ({ one }) => ({
  invoice: one(stripeInvoices, { fields: [stripeInvoiceLines.invoiceId], references: [stripeInvoices.id] }),
}));
