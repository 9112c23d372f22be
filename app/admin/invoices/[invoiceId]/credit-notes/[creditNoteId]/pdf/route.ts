// GET /admin/invoices/[invoiceId]/credit-notes/[creditNoteId]/pdf — Seikyu's own credit note document for operators,
// after checking server-side that the caller is an operator (else 404). Stripe's original: ../stripe-pdf.
import { operatorCreditNoteDocumentResponse } from '@/lib/billing/invoices/credit-note-pdf-response';
import { documentRoute } from '@/lib/documents/document-error-page';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ invoiceId: string; creditNoteId: string }> }): Promise<Response> {
  const { invoiceId, creditNoteId } = await params;
  return documentRoute('admin credit note pdf', { kind: 'creditNote', backHref: `/admin/invoices/${invoiceId}` }, () =>
    operatorCreditNoteDocumentResponse({ invoiceId, creditNoteId }),
  );
}
