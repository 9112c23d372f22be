// GET /orgs/[orgId]/invoices/[invoiceId]/pdf — the invoice PDF, fetched from Stripe's `invoice_pdf` server-side
// after checking that the invoice belongs to the caller's organization (else 404).
import { pdfResponse, isPdf, requireInvoiceForDocument } from '@/lib/billing/invoices/invoice-document';
import { documentErrorResponse } from '@/lib/documents/document-error-page';
import { AppError, toAppError } from '@/lib/errors';
import { fetchStripeDocument } from '@/lib/stripe/fetch-stripe-document';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ orgId: string; invoiceId: string }> }): Promise<Response> {
  const { orgId, invoiceId } = await params;
  try {
    const invoice = await requireInvoiceForDocument({ organizationId: orgId, invoiceId });
    if (!invoice.invoicePdf) throw new AppError('not_found', `invoice ${invoice.id} has no PDF yet`);
    const document = await fetchStripeDocument(invoice.invoicePdf);
    if (!isPdf(document.contentType)) {
      await document.body.cancel();
      throw new AppError('stripe_error', `invoice_pdf of ${invoice.id} answered ${document.contentType}`);
    }
    return pdfResponse(document.body, 'invoice', invoice);
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code !== 'not_found' && appError.code !== 'unauthenticated') console.error(`[invoice pdf] ${appError.message}`, appError.cause ?? '');
    // A browser opened this link for a file: answer with a page in the user's language, never bare JSON.
    return documentErrorResponse(appError, { kind: 'invoice', backHref: `/orgs/${orgId}/invoices/${invoiceId}` });
  }
}
