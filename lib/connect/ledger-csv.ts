// The transfer ledger as CSV: one line per transfer (a sale without transfers gets one line), each carrying its
// sale and the platform's share of that sale. Amounts in the currency's minor unit, as Stripe reports them. Pure.
import type { SaleLedgerEntry } from '@/db/queries/connect-sales';
import type { CsvCell } from '@/lib/admin/csv';

export const ledgerCsvHeader = [
  'sale_id',
  'recorded_at',
  'organization',
  'product',
  'currency',
  'sale_amount',
  'sale_status',
  'invoice_id',
  'payee',
  'payee_email',
  'role',
  'transfer_amount',
  'transfer_status',
  'reversed_amount',
  'stripe_transfer_id',
  'platform_amount',
] as const;

export function ledgerCsvRows(entries: readonly SaleLedgerEntry[]): CsvCell[][] {
  return entries.flatMap((sale) => {
    const base: CsvCell[] = [sale.id, sale.createdAt.toISOString(), sale.organizationName, sale.productName, sale.currency, sale.amount, sale.status, sale.invoiceId];
    if (sale.transfers.length === 0) return [[...base, null, null, null, null, null, null, null, sale.platformAmount]];
    return sale.transfers.map((t) => [...base, t.payeeName, t.payeeEmail, t.role, t.amount, t.status, t.reversedAmount, t.stripeTransferId, sale.platformAmount]);
  });
}
