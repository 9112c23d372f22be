// GET /admin/invoices/[invoiceId]/stripe-pdf — Stripe's original invoice PDF for operators, after checking server-side that the
// caller is an operator (else 404, as for a customer opening /admin).
import { requireInvoiceForOperatorDocument } from '@/lib/billing/invoices/operator-invoice-document';
import { invoicePdfResponse } from '@/lib/billing/invoices/invoice-pdf-response';
import { documentErrorResponse } from '@/lib/documents/document-error-page';
import { toAppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ invoiceId: string }> }): Promise<Response> {
  const { invoiceId } = await params;
  try {
    return await invoicePdfResponse(await requireInvoiceForOperatorDocument({ invoiceId }));
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code !== 'not_found' && appError.code !== 'unauthenticated') console.error(`[admin stripe invoice pdf] ${appError.message}`, appError.cause ?? '');
    return documentErrorResponse(appError, { kind: 'invoice', backHref: `/admin/invoices/${invoiceId}` });
  }
}
