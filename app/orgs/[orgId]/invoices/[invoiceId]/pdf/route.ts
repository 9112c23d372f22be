// GET /orgs/[orgId]/invoices/[invoiceId]/pdf — Seikyu's own invoice PDF (lib/documents), drawn from the mirror
// after checking that the invoice belongs to the caller's organization (else 404). Stripe's original: ../stripe-pdf.
import { requireInvoiceForDocument } from '@/lib/billing/invoices/invoice-document';
import { documentRoute } from '@/lib/documents/document-error-page';
import { invoiceDocumentResponse } from '@/lib/documents/document-response';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ orgId: string; invoiceId: string }> }): Promise<Response> {
  const { orgId, invoiceId } = await params;
  return documentRoute('invoice pdf', { kind: 'invoice', backHref: `/orgs/${orgId}/invoices/${invoiceId}` }, async () => {
    const invoice = await requireInvoiceForDocument({ organizationId: orgId, invoiceId });
    return await invoiceDocumentResponse(invoice, 'invoice', { organizationId: orgId });
  });
}
