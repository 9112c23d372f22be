// GET /quotes/[quoteId]/pdf — the quote PDF (御見積書 / Quotation) for the person it was sent to or a member of its
// organization; anyone else gets 404. `?source=stripe` gives Stripe's own PDF of the same quote.
import { documentRoute } from '@/lib/documents/document-error-page';
import { quoteDocumentResponse, requireQuoteForViewerDocument } from '@/lib/quotes/quote-pdf-response';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ quoteId: string }> }): Promise<Response> {
  const { quoteId } = await params;
  const source = new URL(request.url).searchParams.get('source') === 'stripe' ? 'stripe' : 'seikyu';
  return documentRoute('quote pdf', { kind: 'quote', backHref: `/quotes/${quoteId}` }, async () =>
    quoteDocumentResponse(await requireQuoteForViewerDocument(quoteId), source),
  );
}
