// GET /orgs/[orgId]/invoices/[invoiceId]/credit-notes/[creditNoteId]/pdf — a credit note's PDF, only for members
// of the organization whose invoice it credits (else 404), fetched from Stripe server-side.
import { creditNotePdfResponse } from '@/lib/billing/invoices/credit-note-pdf-response';
import { documentErrorResponse } from '@/lib/documents/document-error-page';
import { toAppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ orgId: string; invoiceId: string; creditNoteId: string }> },
): Promise<Response> {
  const { orgId, invoiceId, creditNoteId } = await params;
  try {
    return await creditNotePdfResponse({ organizationId: orgId, invoiceId, creditNoteId });
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code !== 'not_found' && appError.code !== 'unauthenticated') console.error(`[credit note pdf] ${appError.message}`, appError.cause ?? '');
    return documentErrorResponse(appError, { kind: 'creditNote', backHref: `/orgs/${orgId}/invoices/${invoiceId}` });
  }
}
