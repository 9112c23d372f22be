// GET /admin/quotes/[quoteId]/stripe-pdf — Stripe's own PDF of a finalized quote, for operators.
import { documentErrorResponse } from '@/lib/documents/document-error-page';
import { toAppError } from '@/lib/errors';
import { quoteDocumentResponse, requireQuoteForOperatorDocument } from '@/lib/quotes/quote-pdf-response';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ quoteId: string }> }): Promise<Response> {
  const { quoteId } = await params;
  try {
    return await quoteDocumentResponse(await requireQuoteForOperatorDocument(quoteId), 'stripe');
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code !== 'not_found' && appError.code !== 'unauthenticated') console.error(`[admin quote stripe pdf] ${appError.message}`, appError.cause ?? '');
    return documentErrorResponse(appError, { kind: 'quote', backHref: `/admin/quotes/${quoteId}` });
  }
}
