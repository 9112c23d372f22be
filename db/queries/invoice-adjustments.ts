// Invoice payments and credit notes from the Stripe mirror. Customer reads are scoped by organization (another
// organization's ids yield nothing, which callers turn into a 404); `...ForOperator` reads cross organizations.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { preparedQuery } from '@/db/prepared-query';
import { stripeCreditNotes, stripeInvoicePayments } from '@/db/schema';

export type InvoicePaymentRecord = typeof stripeInvoicePayments.$inferSelect;

/** How a payment recorded outside Stripe came, as Seikyu wrote it in the record's metadata (null for a card). */
const recordedMethod = sql<string | null>`${stripeInvoicePayments.data}->'record'->'metadata'->>'method'`;
export type CreditNoteRecord = typeof stripeCreditNotes.$inferSelect;

export async function listInvoicePaymentsForOperator(params: { invoiceId: string }, tx: Tx = db): Promise<InvoicePaymentRecord[]> {
  return tx
    .select()
    .from(stripeInvoicePayments)
    .where(eq(stripeInvoicePayments.invoiceId, params.invoiceId))
    .orderBy(asc(stripeInvoicePayments.stripeCreated), asc(stripeInvoicePayments.id));
}

/**
 * How an invoice of `customerId` was paid, payment by payment (oldest first): a card (`payment_intent`) or the method
 * Seikyu recorded for a payment outside Stripe (`method`, from the record's metadata). Paid payments only.
 */
export async function listPaidWaysOfInvoice(
  params: { invoiceId: string; customerId: string },
  tx: Tx = db,
): Promise<{ type: string; method: string | null }[]> {
  return tx
    .select({ type: stripeInvoicePayments.type, method: recordedMethod })
    .from(stripeInvoicePayments)
    .where(and(eq(stripeInvoicePayments.invoiceId, params.invoiceId), eq(stripeInvoicePayments.customerId, params.customerId), eq(stripeInvoicePayments.status, 'paid')))
    .orderBy(asc(stripeInvoicePayments.stripeCreated), asc(stripeInvoicePayments.id));
}

/** A payment recorded outside Stripe, as the customer's invoice page lists it. */
export type RecordedPaymentRow = { id: string; amountPaid: number | null; currency: string; receivedAt: Date | null; paidAt: Date | null; method: string | null };

/** The payments recorded outside Stripe on an organization's invoice that went through, oldest first. */
export async function listRecordedPaymentsForInvoice(params: { organizationId: string; invoiceId: string }, tx: Tx = db): Promise<RecordedPaymentRow[]> {
  return tx
    .select({
      id: stripeInvoicePayments.id,
      amountPaid: stripeInvoicePayments.amountPaid,
      currency: stripeInvoicePayments.currency,
      receivedAt: stripeInvoicePayments.receivedAt,
      paidAt: stripeInvoicePayments.paidAt,
      method: recordedMethod,
    })
    .from(stripeInvoicePayments)
    .where(
      and(
        eq(stripeInvoicePayments.organizationId, params.organizationId),
        eq(stripeInvoicePayments.invoiceId, params.invoiceId),
        eq(stripeInvoicePayments.type, 'payment_record'),
        eq(stripeInvoicePayments.status, 'paid'),
      ),
    )
    .orderBy(asc(stripeInvoicePayments.receivedAt), asc(stripeInvoicePayments.stripeCreated), asc(stripeInvoicePayments.id));
}

/** The payment an operator's attempt already recorded on this invoice (its record carries the attempt id). */
export async function findRecordedPaymentForOperator(
  params: { invoiceId: string; attempt: string },
  tx: Tx = db,
): Promise<InvoicePaymentRecord | null> {
  const [row] = await tx
    .select()
    .from(stripeInvoicePayments)
    .where(
      and(
        eq(stripeInvoicePayments.invoiceId, params.invoiceId),
        sql`${stripeInvoicePayments.data} -> 'record' -> 'metadata' ->> 'operator_attempt' = ${params.attempt}`,
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function listCreditNotesForOperator(params: { invoiceId: string }, tx: Tx = db): Promise<CreditNoteRecord[]> {
  return tx
    .select()
    .from(stripeCreditNotes)
    .where(eq(stripeCreditNotes.invoiceId, params.invoiceId))
    .orderBy(asc(stripeCreditNotes.stripeCreated), asc(stripeCreditNotes.id));
}

/** The credit note an operator's attempt already issued on this invoice (its metadata carries the attempt id). */
export async function findIssuedCreditNoteForOperator(params: { invoiceId: string; attempt: string }, tx: Tx = db): Promise<CreditNoteRecord | null> {
  const [row] = await tx
    .select()
    .from(stripeCreditNotes)
    .where(and(eq(stripeCreditNotes.invoiceId, params.invoiceId), sql`${stripeCreditNotes.data} -> 'metadata' ->> 'operator_attempt' = ${params.attempt}`))
    .limit(1);
  return row ?? null;
}

/** The organization's credit notes on one of its invoices, oldest first. */
export async function listCreditNotesForInvoice(params: { organizationId: string; invoiceId: string }, tx: Tx = db): Promise<CreditNoteRecord[]> {
  return selectCreditNotesForInvoice(params, tx);
}

/** Read on every view of a customer's invoice: built once (db/prepared-query.ts). */
const selectCreditNotesForInvoice = preparedQuery('invoice_credit_notes', (tx) =>
  tx
    .select()
    .from(stripeCreditNotes)
    .where(and(eq(stripeCreditNotes.organizationId, sql.placeholder('organizationId')), eq(stripeCreditNotes.invoiceId, sql.placeholder('invoiceId'))))
    .orderBy(asc(stripeCreditNotes.stripeCreated), asc(stripeCreditNotes.id)),
);

/** The operators' customer page reads this on every view: built once (db/prepared-query.ts). */
const selectCreditNotesForOrganization = preparedQuery('organization_credit_notes', (tx) =>
  tx
    .select()
    .from(stripeCreditNotes)
    .where(eq(stripeCreditNotes.organizationId, sql.placeholder('organizationId')))
    .orderBy(desc(stripeCreditNotes.stripeCreated), desc(stripeCreditNotes.id))
    .limit(sql.placeholder('limit')),
);

/** The organization's credit notes on all its invoices, newest first (the operators' customer page). */
export async function listCreditNotesForOrganization(params: { organizationId: string; limit?: number }, tx: Tx = db): Promise<CreditNoteRecord[]> {
  return selectCreditNotesForOrganization({ organizationId: params.organizationId, limit: Math.min(params.limit ?? 20, 100) }, tx);
}

/** One credit note if it is on this invoice of this organization, else null. */
export async function getCreditNoteForOrganization(
  params: { organizationId: string; invoiceId: string; creditNoteId: string },
  tx: Tx = db,
): Promise<CreditNoteRecord | null> {
  const [row] = await tx
    .select()
    .from(stripeCreditNotes)
    .where(
      and(
        eq(stripeCreditNotes.id, params.creditNoteId),
        eq(stripeCreditNotes.invoiceId, params.invoiceId),
        eq(stripeCreditNotes.organizationId, params.organizationId),
      ),
    )
    .limit(1);
  return row ?? null;
}
