// GET /orgs/[orgId]/invoices/[invoiceId]/credit-notes/[creditNoteId]/pdf — Seikyu's own credit note document
// (lib/documents), only for members of the organization whose invoice it credits (else 404). Stripe's original:
// ../stripe-pdf.
import { creditNoteDocumentResponse } from '@/lib/billing/invoices/credit-note-pdf-response';
import { documentErrorResponse } from '@/lib/documents/document-error-page';
import { toAppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ orgId: string; invoiceId: string; creditNoteId: string }> },
): Promise<Response> {
  const { orgId, invoiceId, creditNoteId } = await params;
  try {
    return await creditNoteDocumentResponse({ organizationId: orgId, invoiceId, creditNoteId });
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code !== 'not_found' && appError.code !== 'unauthenticated') console.error(`[credit note pdf] ${appError.message}`, appError.cause ?? '');
    return documentErrorResponse(appError, { kind: 'creditNote', backHref: `/orgs/${orgId}/invoices/${invoiceId}` });
  }
}
