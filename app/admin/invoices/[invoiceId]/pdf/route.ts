// GET /admin/invoices/[invoiceId]/pdf — Seikyu's own invoice PDF for operators (lib/documents), after checking
// server-side that the caller is an operator (else 404, as for a customer opening /admin). Stripe's: ../stripe-pdf.
import { requireInvoiceForOperatorDocument } from '@/lib/billing/invoices/operator-invoice-document';
import { documentErrorResponse } from '@/lib/documents/document-error-page';
import { invoiceDocumentResponse } from '@/lib/documents/document-response';
import { toAppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ invoiceId: string }> }): Promise<Response> {
  const { invoiceId } = await params;
  try {
    return await invoiceDocumentResponse(await requireInvoiceForOperatorDocument({ invoiceId }), 'invoice', 'operator');
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code !== 'not_found' && appError.code !== 'unauthenticated') console.error(`[admin invoice pdf] ${appError.message}`, appError.cause ?? '');
    return documentErrorResponse(appError, { kind: 'invoice', backHref: `/admin/invoices/${invoiceId}` });
  }
}
