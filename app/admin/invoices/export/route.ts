// GET /admin/invoices/export — the invoice list as CSV, for exactly the filters the list shows. Operators only
// (checked here: the admin layout does not guard route handlers); invalid filters answer 400 rather than exporting
// everything. Streamed in batches so a 100,000-invoice export never sits in memory.
import { getTimeZone } from 'next-intl/server';
import { streamInvoicesForOperator } from '@/db/queries/invoices';
import { getCurrentUser, getOperatorRoleFor } from '@/lib/auth/session';
import { invoiceCsvFilename, invoiceCsvHeader, invoiceCsvLine } from '@/lib/billing/operator-invoices/invoice-csv';
import { parseInvoiceListFilters, toInvoiceListQuery } from '@/lib/billing/operator-invoices/invoice-list-filters';
import { AppError, errorResponse } from '@/lib/errors';
import { operatorCan } from '@/lib/permissions';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return errorResponse(new AppError('unauthenticated', 'invoice export without a session'));
  const role = await getOperatorRoleFor(user.id);
  if (!role || !operatorCan(role, 'admin:read')) return errorResponse(new AppError('not_found', `user ${user.id} is not an operator`));
  const { filters, problems } = parseInvoiceListFilters(new URL(request.url).searchParams);
  if (problems.length > 0) {
    return errorResponse(new AppError('invalid_input', `invalid invoice filters: ${problems.map((p) => p.field).join(', ')}`, { userMessage: 'Invalid filter values.' }));
  }
  const now = new Date();
  const query = toInvoiceListQuery(filters, now);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        // A byte-order mark so Excel opens the Japanese names as UTF-8.
        controller.enqueue(encoder.encode(`\uFEFF${invoiceCsvHeader.join(',')}\r\n`));
        for await (const batch of streamInvoicesForOperator(query)) {
          controller.enqueue(encoder.encode(batch.map((row) => `${invoiceCsvLine(row)}\r\n`).join('')));
        }
        controller.close();
      } catch (error) {
        console.error('[admin invoice export]', error);
        controller.error(error);
      }
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${invoiceCsvFilename(now, await getTimeZone(), filters.status)}"`,
      'cache-control': 'no-store',
    },
  });
}
