// GET /admin/invoices/[invoiceId]/credit-notes/[creditNoteId]/pdf — Seikyu's own credit note document for operators,
// after checking server-side that the caller is an operator (else 404). Stripe's original: ../stripe-pdf.
import { operatorCreditNoteDocumentResponse } from '@/lib/billing/invoices/credit-note-pdf-response';
import { documentErrorResponse } from '@/lib/documents/document-error-page';
import { toAppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ invoiceId: string; creditNoteId: string }> }): Promise<Response> {
  const { invoiceId, creditNoteId } = await params;
  try {
    return await operatorCreditNoteDocumentResponse({ invoiceId, creditNoteId });
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code !== 'not_found' && appError.code !== 'unauthenticated') console.error(`[admin credit note pdf] ${appError.message}`, appError.cause ?? '');
    return documentErrorResponse(appError, { kind: 'creditNote', backHref: `/admin/invoices/${invoiceId}` });
  }
}
