// GET /admin/invoices/[invoiceId]/credit-notes/[creditNoteId]/stripe-pdf — Stripe's original PDF of a credit note
// for operators, fetched server-side after checking that the caller is an operator (else 404).
import { operatorCreditNoteStripePdfResponse } from '@/lib/billing/invoices/credit-note-pdf-response';
import { documentRoute } from '@/lib/documents/document-error-page';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ invoiceId: string; creditNoteId: string }> }): Promise<Response> {
  const { invoiceId, creditNoteId } = await params;
  return documentRoute('admin credit note stripe pdf', { kind: 'creditNote', backHref: `/admin/invoices/${invoiceId}` }, () =>
    operatorCreditNoteStripePdfResponse({ invoiceId, creditNoteId }),
  );
}
