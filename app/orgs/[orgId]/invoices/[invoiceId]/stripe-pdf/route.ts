// GET /orgs/[orgId]/invoices/[invoiceId]/stripe-pdf — Stripe's original invoice PDF, fetched from Stripe's `invoice_pdf` server-side
// after checking that the invoice belongs to the caller's organization (else 404).
import { requireInvoiceForDocument } from '@/lib/billing/invoices/invoice-document';
import { invoicePdfResponse } from '@/lib/billing/invoices/invoice-pdf-response';
import { documentErrorResponse } from '@/lib/documents/document-error-page';
import { toAppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ orgId: string; invoiceId: string }> }): Promise<Response> {
  const { orgId, invoiceId } = await params;
  try {
    return await invoicePdfResponse(await requireInvoiceForDocument({ organizationId: orgId, invoiceId }));
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code !== 'not_found' && appError.code !== 'unauthenticated') console.error(`[stripe invoice pdf] ${appError.message}`, appError.cause ?? '');
    // A browser opened this link for a file: answer with a page in the user's language, never bare JSON.
    return documentErrorResponse(appError, { kind: 'invoice', backHref: `/orgs/${orgId}/invoices/${invoiceId}` });
  }
}
