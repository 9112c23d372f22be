// GET /admin/transfers/export — the transfer ledger as CSV, for the filters the page shows. Operators only
// (checked here: the admin layout does not guard route handlers).
import { getTimeZone } from 'next-intl/server';
import { listSalesLedgerForOperator } from '@/db/queries/connect-sales';
import { dayIn } from '@/lib/i18n/zone-clock';
import { csvResponse, toCsv } from '@/lib/admin/csv';
import { requireOperatorForRoute, routeErrorResponse } from '@/lib/admin/operator-route';
import { ledgerCsvHeader, ledgerCsvRows } from '@/lib/connect/ledger-csv';
import { parseLedgerFilters } from '@/lib/connect/ledger-filters';
import { toAppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    await requireOperatorForRoute('admin:read');
    const filters = parseLedgerFilters(new URL(request.url).searchParams);
    const entries = await listSalesLedgerForOperator({ ...filters, limit: 10_000 });
    return csvResponse(toCsv(ledgerCsvHeader, ledgerCsvRows(entries)), `transfers-${dayIn(new Date(), await getTimeZone())}.csv`);
  } catch (error) {
    return routeErrorResponse(toAppError(error));
  }
}
