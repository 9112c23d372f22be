// The receivables report: the mirror's candidate invoices aged as of the chosen day, grouped for the page,
// and the same rows as CSV.
import { listReceivableInvoicesForOperator } from '@/db/queries/receivables';
import { toCsv } from '@/lib/admin/csv';
import { ageInvoices, groupByMethodAndCurrency, totalsByCustomer, type AgedInvoice, type AgeingGroup, type CustomerTotal } from './ageing';

export type ReceivablesReport = { asOf: Date; invoices: AgedInvoice[]; groups: AgeingGroup[]; customers: CustomerTotal[] };

export async function buildReceivablesReport(params: { asOf: Date }): Promise<ReceivablesReport> {
  const invoices = ageInvoices(await listReceivableInvoicesForOperator({ asOf: params.asOf }), params.asOf);
  return { asOf: params.asOf, invoices, groups: groupByMethodAndCurrency(invoices), customers: totalsByCustomer(invoices) };
}

/** One row per open invoice; amounts in the currency's minor unit (JPY: yen) so spreadsheets add them exactly. */
export function receivablesCsv(report: ReceivablesReport): string {
  return toCsv(
    ['as_of', 'invoice_id', 'number', 'organization_id', 'customer', 'collection_method', 'currency', 'open_amount_minor', 'due_date', 'days_past_due', 'bucket'],
    report.invoices.map((i) => [
      report.asOf.toISOString(),
      i.id,
      i.number,
      i.organizationId,
      i.customerName,
      i.collectionMethod,
      i.currency,
      i.openAmount,
      i.dueDate?.toISOString() ?? '',
      i.daysPastDue,
      i.bucket,
    ]),
  );
}
