// The transfer ledger's filters from the query string, shared by the page and its CSV export so both show the
// same rows. Unknown values are dropped (the full ledger), never passed to the database. Pure.
import type { ConnectTransferStatus, SaleLedgerFilters } from '@/db/queries/connect-sales';

export const TRANSFER_STATUSES: readonly ConnectTransferStatus[] = ['scheduled', 'pending', 'sent', 'failed', 'reversed'];
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function parseLedgerFilters(params: URLSearchParams): SaleLedgerFilters {
  const status = params.get('status');
  const payeeId = params.get('payee');
  return {
    status: TRANSFER_STATUSES.find((s) => s === status),
    payeeId: payeeId && uuid.test(payeeId) ? payeeId : undefined,
  };
}

export function ledgerQueryString(filters: SaleLedgerFilters): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.payeeId) params.set('payee', filters.payeeId);
  const text = params.toString();
  return text ? `?${text}` : '';
}
