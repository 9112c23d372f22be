// GET /admin/quotes/[quoteId]/stripe-pdf — Stripe's own PDF of a finalized quote, for operators.
import { documentRoute } from '@/lib/documents/document-error-page';
import { quoteDocumentResponse, requireQuoteForOperatorDocument } from '@/lib/quotes/quote-pdf-response';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ quoteId: string }> }): Promise<Response> {
  const { quoteId } = await params;
  return documentRoute('admin quote stripe pdf', { kind: 'quote', backHref: `/admin/quotes/${quoteId}` }, async () =>
    quoteDocumentResponse(await requireQuoteForOperatorDocument(quoteId), 'stripe'),
  );
}
