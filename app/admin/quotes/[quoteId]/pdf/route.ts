// GET /admin/quotes/[quoteId]/pdf — Seikyu's quote PDF (御見積書 / Quotation) for operators, drafts included;
// the operator check is here (the admin layout does not guard route handlers). Stripe's own: ../stripe-pdf.
import { documentErrorResponse } from '@/lib/documents/document-error-page';
import { toAppError } from '@/lib/errors';
import { quoteDocumentResponse, requireQuoteForOperatorDocument } from '@/lib/quotes/quote-pdf-response';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ quoteId: string }> }): Promise<Response> {
  const { quoteId } = await params;
  try {
    return await quoteDocumentResponse(await requireQuoteForOperatorDocument(quoteId), 'seikyu');
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code !== 'not_found' && appError.code !== 'unauthenticated') console.error(`[admin quote pdf] ${appError.message}`, appError.cause ?? '');
    return documentErrorResponse(appError, { kind: 'quote', backHref: `/admin/quotes/${quoteId}` });
  }
}
