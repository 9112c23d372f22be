// GET /admin/invoices/[invoiceId]/credit-notes/[creditNoteId]/stripe-pdf — Stripe's original PDF of a credit note
// for operators, fetched server-side after checking that the caller is an operator (else 404).
import { operatorCreditNoteStripePdfResponse } from '@/lib/billing/invoices/credit-note-pdf-response';
import { documentErrorResponse } from '@/lib/documents/document-error-page';
import { toAppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ invoiceId: string; creditNoteId: string }> }): Promise<Response> {
  const { invoiceId, creditNoteId } = await params;
  try {
    return await operatorCreditNoteStripePdfResponse({ invoiceId, creditNoteId });
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code !== 'not_found' && appError.code !== 'unauthenticated') console.error(`[admin credit note stripe pdf] ${appError.message}`, appError.cause ?? '');
    return documentErrorResponse(appError, { kind: 'creditNote', backHref: `/admin/invoices/${invoiceId}` });
  }
}
