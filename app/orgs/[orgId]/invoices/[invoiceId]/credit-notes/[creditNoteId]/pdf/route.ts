// GET /orgs/[orgId]/invoices/[invoiceId]/credit-notes/[creditNoteId]/pdf — Seikyu's own credit note document
// (lib/documents), only for members of the organization whose invoice it credits (else 404). Stripe's original:
// ../stripe-pdf.
import { creditNoteDocumentResponse } from '@/lib/billing/invoices/credit-note-pdf-response';
import { documentRoute } from '@/lib/documents/document-error-page';

export const dynamic = 'force-dynamic';

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ orgId: string; invoiceId: string; creditNoteId: string }> },
): Promise<Response> {
  const { orgId, invoiceId, creditNoteId } = await params;
  return documentRoute('credit note pdf', { kind: 'creditNote', backHref: `/orgs/${orgId}/invoices/${invoiceId}` }, () =>
    creditNoteDocumentResponse({ organizationId: orgId, invoiceId, creditNoteId }),
  );
}
