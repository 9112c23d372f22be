// The receivables report: the invoices open at the chosen instant, aged, totalled and paged by the database
// (db/queries/receivables.ts, where the rules are), and the same rows as CSV.
import {
  AGEING_BUCKETS,
  listReceivableInvoicesForOperator,
  summarizeReceivablesForOperator,
  type AgedInvoice,
  type AgeingBucket,
  type AgeingGroup,
  type BucketTotals,
  type CustomerTotal,
  type ReceivablesSummary,
} from '@/db/queries/receivables';
import { toCsv } from '@/lib/admin/csv';
import { dayIn } from '@/lib/i18n/zone-clock';

export { AGEING_BUCKETS, type AgedInvoice, type AgeingBucket, type AgeingGroup, type BucketTotals, type CustomerTotal };

export type ReceivablesReport = ReceivablesSummary & { asOf: Date };

/** The totals, and one page each of customers and invoices (requested pages clamped to the ones that exist). */
export async function buildReceivablesReport(params: { asOf: Date; customersPage?: number; invoicesPage?: number; pageSize: number }): Promise<ReceivablesReport> {
  const summary = await summarizeReceivablesForOperator({
    asOf: params.asOf,
    customersPage: params.customersPage ?? 1,
    invoicesPage: params.invoicesPage ?? 1,
    pageSize: params.pageSize,
  });
  return { asOf: params.asOf, ...summary };
}

/** Every open invoice, one row each; amounts in the currency's minor unit (JPY: yen) so spreadsheets add them exactly. */
/**
 * The report's rows for the accounting department: `as_of` and `due_date` are days (YYYY-MM-DD) in `timeZone`, the
 * zone the report was read in, as the screen shows them; amounts in the currency's minor unit.
 */
export async function receivablesCsv(params: { asOf: Date; timeZone: string }): Promise<string> {
  const invoices = await listReceivableInvoicesForOperator({ asOf: params.asOf });
  return toCsv(
    ['as_of', 'invoice_id', 'number', 'organization_id', 'customer', 'collection_method', 'currency', 'open_amount_minor', 'due_date', 'days_past_due', 'bucket'],
    invoices.map((i) => [
      dayIn(params.asOf, params.timeZone),
      i.id,
      i.number,
      i.organizationId,
      i.customerName,
      i.collectionMethod,
      i.currency,
      i.openAmount,
      i.dueDate ? dayIn(i.dueDate, params.timeZone) : '',
      i.daysPastDue,
      i.bucket,
    ]),
  );
}
