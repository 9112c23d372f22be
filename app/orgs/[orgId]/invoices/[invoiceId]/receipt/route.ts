// GET /orgs/[orgId]/invoices/[invoiceId]/receipt — the receipt of a paid invoice as a PDF the portal draws itself
// from the mirror (lib/documents/document-pdf.ts), after checking the invoice is the caller's organization's.
// Another organization's invoice, an unknown one and an invoice not paid (yet) are all 404.
import { requireInvoiceForDocument } from '@/lib/billing/invoices/invoice-document';
import { hasReceipt } from '@/lib/billing/invoices/invoice-details';
import { documentRoute } from '@/lib/documents/document-error-page';
import { invoiceDocumentResponse } from '@/lib/documents/document-response';
import { AppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ orgId: string; invoiceId: string }> }): Promise<Response> {
  const { orgId, invoiceId } = await params;
  return documentRoute('invoice receipt', { kind: 'receipt', backHref: `/orgs/${orgId}/invoices/${invoiceId}` }, async () => {
    const invoice = await requireInvoiceForDocument({ organizationId: orgId, invoiceId });
    if (!hasReceipt(invoice)) throw new AppError('not_found', `invoice ${invoice.id} is ${invoice.status}: no receipt`);
    return await invoiceDocumentResponse(invoice, 'receipt', { organizationId: orgId });
  });
}
