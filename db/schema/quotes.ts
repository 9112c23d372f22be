// Quotes. `stripe_quotes` is the mirror of Stripe's Quote object (written only by lib/stripe-sync, upsert by
// Stripe id, `data` the whole quote as last read, `lines` its line items). `quote_requests` is what only Seikyu
// knows about a quote: whom it is for before an organization exists (a prospect's name and email), whom it was
// sent to (the only address allowed to open it besides the organization's members), who built, sent, viewed and
// accepted it. One row per Stripe quote, created with the draft.
import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { MirroredTaxLine } from './stripe';

/** A quote's tax per rate: Stripe gives a quote's rates whole, so the percentage is always known. */
export type QuoteTaxLine = Omit<MirroredTaxLine, 'percentage'> & { percentage: number };
import { organizations } from './organizations';

const ts = (name: string) => timestamp(name, { withTimezone: true });
/** Money in the currency's minor unit as Stripe defines it (JPY has none). */
const money = (name: string) => bigint(name, { mode: 'number' });

/** One line of a mirrored quote (Stripe's quote line item, reduced to what pages and the PDF show). */
export type MirroredQuoteLine = {
  id: string;
  description: string;
  priceId: string | null;
  quantity: number;
  unitAmount: number | null;
  /** Before discounts and exclusive tax. */
  amountSubtotal: number;
  amountTotal: number;
  recurringInterval: string | null;
  taxes: QuoteTaxLine[];
};

export const stripeQuotes = pgTable(
  'stripe_quotes',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id'),
    organizationId: text('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    /** Stripe's status: 'draft' | 'open' | 'accepted' | 'canceled' (an expired quote is canceled at expires_at). */
    status: text('status').notNull(),
    number: text('number'),
    currency: text('currency'),
    collectionMethod: text('collection_method').notNull(),
    daysUntilDue: bigint('days_until_due', { mode: 'number' }),
    amountSubtotal: money('amount_subtotal').notNull(),
    amountTotal: money('amount_total').notNull(),
    amountTax: money('amount_tax').notNull(),
    amountDiscount: money('amount_discount').notNull(),
    /** Tax per rate over the whole quote (upfront), the rate's name and percentage as mirrored. */
    taxes: jsonb('taxes').$type<QuoteTaxLine[]>().notNull().default([]),
    lines: jsonb('lines').$type<MirroredQuoteLine[]>().notNull().default([]),
    header: text('header'),
    footer: text('footer'),
    description: text('description'),
    trialPeriodDays: bigint('trial_period_days', { mode: 'number' }),
    expiresAt: ts('expires_at').notNull(),
    finalizedAt: ts('finalized_at'),
    acceptedAt: ts('accepted_at'),
    canceledAt: ts('canceled_at'),
    subscriptionId: text('subscription_id'),
    invoiceId: text('invoice_id'),
    metadata: jsonb('metadata').$type<Record<string, string>>().notNull().default({}),
    stripeCreated: ts('stripe_created').notNull(),
    data: jsonb('data').notNull(),
    syncedAt: ts('synced_at').notNull().defaultNow(),
  },
  (t) => [
    index('stripe_quotes_customer_idx').on(t.customerId),
    index('stripe_quotes_org_idx').on(t.organizationId),
    index('stripe_quotes_status_created_idx').on(t.status, t.stripeCreated),
  ],
);

export const quoteRequests = pgTable(
  'quote_requests',
  {
    /** The Stripe quote id. */
    quoteId: text('quote_id').primaryKey(),
    /** The organization the quote is for; null for a prospect until they accept. */
    organizationId: text('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    /** A prospect's name and email (no organization yet). */
    prospectName: text('prospect_name'),
    prospectEmail: text('prospect_email'),
    /** The address the quote is sent to: besides the organization's members, the only one that may open it. */
    recipientEmail: text('recipient_email').notNull(),
    /** The document language ('ja' | 'en'). */
    locale: text('locale').notNull(),
    /** The Stripe customer (an organization's, or the one created for the prospect with the draft). */
    customerId: text('customer_id').notNull(),
    duplicatedFrom: text('duplicated_from'),
    createdByUserId: text('created_by_user_id'),
    sentAt: ts('sent_at'),
    sentByUserId: text('sent_by_user_id'),
    firstViewedAt: ts('first_viewed_at'),
    lastViewedAt: ts('last_viewed_at'),
    lastViewedByEmail: text('last_viewed_by_email'),
    acceptedAt: ts('accepted_at'),
    acceptedByEmail: text('accepted_by_email'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('quote_requests_org_idx').on(t.organizationId), index('quote_requests_recipient_idx').on(t.recipientEmail)],
);
