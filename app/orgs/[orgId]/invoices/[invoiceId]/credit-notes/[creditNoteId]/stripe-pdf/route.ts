// GET /orgs/[orgId]/invoices/[invoiceId]/credit-notes/[creditNoteId]/stripe-pdf — Stripe's original PDF of the
// credit note, fetched server-side, only for members of the organization whose invoice it credits (else 404).
import { creditNoteStripePdfResponse } from '@/lib/billing/invoices/credit-note-pdf-response';
import { documentErrorResponse } from '@/lib/documents/document-error-page';
import { toAppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ orgId: string; invoiceId: string; creditNoteId: string }> },
): Promise<Response> {
  const { orgId, invoiceId, creditNoteId } = await params;
  try {
    return await creditNoteStripePdfResponse({ organizationId: orgId, invoiceId, creditNoteId });
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code !== 'not_found' && appError.code !== 'unauthenticated') console.error(`[credit note stripe pdf] ${appError.message}`, appError.cause ?? '');
    return documentErrorResponse(appError, { kind: 'creditNote', backHref: `/orgs/${orgId}/invoices/${invoiceId}` });
  }
}
