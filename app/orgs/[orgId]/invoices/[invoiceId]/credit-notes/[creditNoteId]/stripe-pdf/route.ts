// GET /orgs/[orgId]/invoices/[invoiceId]/credit-notes/[creditNoteId]/stripe-pdf — Stripe's original PDF of the
// credit note, fetched server-side, only for members of the organization whose invoice it credits (else 404).
import { creditNoteStripePdfResponse } from '@/lib/billing/invoices/credit-note-pdf-response';
import { documentRoute } from '@/lib/documents/document-error-page';

export const dynamic = 'force-dynamic';

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ orgId: string; invoiceId: string; creditNoteId: string }> },
): Promise<Response> {
  const { orgId, invoiceId, creditNoteId } = await params;
  return documentRoute('credit note stripe pdf', { kind: 'creditNote', backHref: `/orgs/${orgId}/invoices/${invoiceId}` }, () =>
    creditNoteStripePdfResponse({ organizationId: orgId, invoiceId, creditNoteId }),
  );
}
