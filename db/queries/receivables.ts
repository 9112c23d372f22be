// Invoices that may have been open at a given instant, across every organization (the month-end report):
// finalized by then and not paid by then. Voided / uncollectible timestamps live in the invoice's JSON and
// are checked by lib/receivables/ageing.ts.
import { and, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { organizations, stripeInvoices } from '@/db/schema';

export type ReceivableInvoiceRow = {
  id: string;
  organizationId: string | null;
  customerName: string | null;
  number: string | null;
  currency: string;
  collectionMethod: 'charge_automatically' | 'send_invoice';
  status: string;
  amountDue: number;
  amountRemaining: number;
  dueDate: Date | null;
  finalizedAt: Date | null;
  paidAt: Date | null;
  voidedAt: Date | null;
  uncollectibleAt: Date | null;
};

const epochToDate = (value: unknown): Date | null => (typeof value === 'number' ? new Date(value * 1000) : typeof value === 'string' && value ? new Date(Number(value) * 1000) : null);

export async function listReceivableInvoicesForOperator(params: { asOf: Date }, tx: Tx = db): Promise<ReceivableInvoiceRow[]> {
  const rows = await tx
    .select({
      id: stripeInvoices.id,
      organizationId: stripeInvoices.organizationId,
      customerName: organizations.name,
      number: stripeInvoices.number,
      currency: stripeInvoices.currency,
      collectionMethod: stripeInvoices.collectionMethod,
      status: stripeInvoices.status,
      amountDue: stripeInvoices.amountDue,
      amountRemaining: stripeInvoices.amountRemaining,
      dueDate: stripeInvoices.dueDate,
      finalizedAt: stripeInvoices.finalizedAt,
      paidAt: stripeInvoices.paidAt,
      // Read from the stored invoice only where the transition can have happened: an invoice open now was never voided
      // or marked uncollectible (void is final; uncollectible can still be paid or voided), so the JSON of the open
      // invoices (a real invoice's is large and stored out of line) is not read at all.
      voidedAt: sql<unknown>`case when ${stripeInvoices.status} = 'void' then ${stripeInvoices.data}->'status_transitions'->'voided_at' end`,
      uncollectibleAt: sql<unknown>`case when ${stripeInvoices.status} in ('uncollectible', 'paid', 'void') then ${stripeInvoices.data}->'status_transitions'->'marked_uncollectible_at' end`,
    })
    .from(stripeInvoices)
    .leftJoin(organizations, eq(organizations.id, stripeInvoices.organizationId))
    .where(
      and(
        inArray(stripeInvoices.status, ['open', 'paid', 'void', 'uncollectible']),
        isNotNull(stripeInvoices.finalizedAt),
        lte(stripeInvoices.finalizedAt, params.asOf),
        or(isNull(stripeInvoices.paidAt), gt(stripeInvoices.paidAt, params.asOf)),
      ),
    );
  for (const row of rows) {
    // In place (ten thousand rows at month end): the JSON's epoch seconds as dates.
    row.voidedAt = epochToDate(row.voidedAt);
    row.uncollectibleAt = epochToDate(row.uncollectibleAt);
  }
  return rows as ReceivableInvoiceRow[];
}
