// GET /admin/invoices/[invoiceId]/stripe-pdf — Stripe's original invoice PDF for operators, after checking server-side that the
// caller is an operator (else 404, as for a customer opening /admin).
import { requireInvoiceForOperatorDocument } from '@/lib/billing/invoices/operator-invoice-document';
import { invoicePdfResponse } from '@/lib/billing/invoices/invoice-pdf-response';
import { documentRoute } from '@/lib/documents/document-error-page';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ invoiceId: string }> }): Promise<Response> {
  const { invoiceId } = await params;
  return documentRoute('admin stripe invoice pdf', { kind: 'invoice', backHref: `/admin/invoices/${invoiceId}` }, async () =>
    invoicePdfResponse(await requireInvoiceForOperatorDocument({ invoiceId })),
  );
}
