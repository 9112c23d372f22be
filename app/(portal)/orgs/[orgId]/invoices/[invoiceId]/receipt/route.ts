// GET /orgs/[orgId]/invoices/[invoiceId]/receipt — the receipt of a paid invoice. After checking the invoice is
// the caller's organization's (else 404), reads the paying charge's `receipt_url` from Stripe. When Stripe serves
// it as a PDF it is streamed from here; Stripe's receipt_url is a hosted page, so otherwise the browser is sent
// there (an unguessable Stripe URL, handed out only after the check above).
import { isPdf, pdfResponse, requireInvoiceForDocument } from '@/lib/billing/invoices/invoice-document';
import { hasReceipt } from '@/lib/billing/invoices/invoice-details';
import { AppError, errorResponse, toAppError } from '@/lib/errors';
import { fetchStripeDocument } from '@/lib/stripe/fetch-stripe-document';
import { retrieveInvoiceReceiptUrl } from '@/lib/stripe/retrieve-invoice-receipt-url';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ orgId: string; invoiceId: string }> }): Promise<Response> {
  const { orgId, invoiceId } = await params;
  try {
    const invoice = await requireInvoiceForDocument({ organizationId: orgId, invoiceId });
    if (!hasReceipt(invoice)) throw new AppError('not_found', `invoice ${invoice.id} is ${invoice.status}: no receipt`);
    const receiptUrl = await retrieveInvoiceReceiptUrl(invoice.id);
    if (!receiptUrl) throw new AppError('not_found', `invoice ${invoice.id} has no charge with a receipt`);
    const document = await fetchStripeDocument(receiptUrl);
    if (isPdf(document.contentType)) return pdfResponse(document.body, 'receipt', invoice);
    await document.body.cancel();
    return new Response(null, { status: 303, headers: { Location: receiptUrl, 'Cache-Control': 'private, no-store' } });
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code !== 'not_found' && appError.code !== 'unauthenticated') console.error(`[invoice receipt] ${appError.message}`, appError.cause ?? '');
    return errorResponse(appError);
  }
}
