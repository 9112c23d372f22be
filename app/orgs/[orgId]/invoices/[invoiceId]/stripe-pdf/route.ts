// GET /orgs/[orgId]/invoices/[invoiceId]/stripe-pdf — Stripe's original invoice PDF, fetched from Stripe's `invoice_pdf` server-side
// after checking that the invoice belongs to the caller's organization (else 404).
import { requireInvoiceForDocument } from '@/lib/billing/invoices/invoice-document';
import { invoicePdfResponse } from '@/lib/billing/invoices/invoice-pdf-response';
import { documentRoute } from '@/lib/documents/document-error-page';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ orgId: string; invoiceId: string }> }): Promise<Response> {
  const { orgId, invoiceId } = await params;
  return documentRoute('stripe invoice pdf', { kind: 'invoice', backHref: `/orgs/${orgId}/invoices/${invoiceId}` }, async () =>
    invoicePdfResponse(await requireInvoiceForDocument({ organizationId: orgId, invoiceId })),
  );
}
