// Mirror of what adjusts an invoice after it is issued: its payments (card PaymentIntents and payments recorded
// outside Stripe as Payment Records) and its credit notes. Written only by lib/stripe-sync (upsert by Stripe id,
// pruned with the customer), read by pages; `data` keeps the whole Stripe object as last read.
import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { organizations } from './organizations';

const ts = (name: string) => timestamp(name, { withTimezone: true });
/** Money in the currency's minor unit as Stripe defines it (JPY has none). */
const money = (name: string) => bigint(name, { mode: 'number' });

export const stripeInvoicePayments = pgTable(
  'stripe_invoice_payments',
  {
    id: text('id').primaryKey(),
    invoiceId: text('invoice_id').notNull(),
    customerId: text('customer_id').notNull(),
    organizationId: text('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    /** 'payment_intent' (card) or 'payment_record' (recorded outside Stripe). */
    type: text('type').notNull(),
    paymentRecordId: text('payment_record_id'),
    /** 'open' | 'paid' | 'canceled'. */
    status: text('status').notNull(),
    currency: text('currency').notNull(),
    amountRequested: money('amount_requested').notNull(),
    amountPaid: money('amount_paid'),
    /** For payment records: the custom payment method's name ("Bank transfer") and the payer's reference. */
    methodLabel: text('method_label'),
    reference: text('reference'),
    /** When the money was received (the record's initiated_at), else Stripe's paid_at. */
    receivedAt: ts('received_at'),
    paidAt: ts('paid_at'),
    stripeCreated: ts('stripe_created').notNull(),
    data: jsonb('data').notNull(),
    syncedAt: ts('synced_at').notNull().defaultNow(),
  },
  (t) => [index('stripe_invoice_payments_invoice_idx').on(t.invoiceId), index('stripe_invoice_payments_customer_idx').on(t.customerId)],
);

export const stripeCreditNotes = pgTable(
  'stripe_credit_notes',
  {
    id: text('id').primaryKey(),
    invoiceId: text('invoice_id').notNull(),
    customerId: text('customer_id').notNull(),
    organizationId: text('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    number: text('number').notNull(),
    /** 'issued' | 'void'. */
    status: text('status').notNull(),
    /** 'pre_payment' | 'post_payment' | 'mixed'. */
    type: text('type').notNull(),
    reason: text('reason'),
    memo: text('memo'),
    currency: text('currency').notNull(),
    total: money('total').notNull(),
    /** Post-payment split: customer balance, card refund, refunded outside Stripe. */
    creditAmount: money('credit_amount').notNull(),
    refundAmount: money('refund_amount').notNull(),
    outOfBandAmount: money('out_of_band_amount').notNull(),
    pdf: text('pdf'),
    voidedAt: ts('voided_at'),
    stripeCreated: ts('stripe_created').notNull(),
    data: jsonb('data').notNull(),
    syncedAt: ts('synced_at').notNull().defaultNow(),
  },
  (t) => [index('stripe_credit_notes_invoice_idx').on(t.invoiceId), index('stripe_credit_notes_customer_idx').on(t.customerId)],
);
