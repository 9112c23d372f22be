// GET /admin/invoices/[invoiceId]/pdf — Seikyu's own invoice PDF for operators (lib/documents), after checking
// server-side that the caller is an operator (else 404, as for a customer opening /admin). Stripe's: ../stripe-pdf.
import { requireInvoiceForOperatorDocument } from '@/lib/billing/invoices/operator-invoice-document';
import { documentRoute } from '@/lib/documents/document-error-page';
import { invoiceDocumentResponse } from '@/lib/documents/document-response';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ invoiceId: string }> }): Promise<Response> {
  const { invoiceId } = await params;
  return documentRoute('admin invoice pdf', { kind: 'invoice', backHref: `/admin/invoices/${invoiceId}` }, async () =>
    invoiceDocumentResponse(await requireInvoiceForOperatorDocument({ invoiceId }), 'invoice', 'operator'),
  );
}
