// GET /orgs/[orgId]/invoices/[invoiceId]/pdf — Seikyu's own invoice PDF (lib/documents), drawn from the mirror
// after checking that the invoice belongs to the caller's organization (else 404). Stripe's original: ../stripe-pdf.
import { requireInvoiceForDocument } from '@/lib/billing/invoices/invoice-document';
import { documentErrorResponse } from '@/lib/documents/document-error-page';
import { invoiceDocumentResponse } from '@/lib/documents/document-response';
import { toAppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ orgId: string; invoiceId: string }> }): Promise<Response> {
  const { orgId, invoiceId } = await params;
  try {
    const invoice = await requireInvoiceForDocument({ organizationId: orgId, invoiceId });
    return await invoiceDocumentResponse(invoice, 'invoice', { organizationId: orgId });
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code !== 'not_found' && appError.code !== 'unauthenticated') console.error(`[invoice pdf] ${appError.message}`, appError.cause ?? '');
    // A browser opened this link for a file: answer with a page in the user's language, never bare JSON.
    return documentErrorResponse(appError, { kind: 'invoice', backHref: `/orgs/${orgId}/invoices/${invoiceId}` });
  }
}
