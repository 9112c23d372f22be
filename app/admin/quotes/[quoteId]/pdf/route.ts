// GET /admin/quotes/[quoteId]/pdf — Seikyu's quote PDF (御見積書 / Quotation) for operators, drafts included;
// the operator check is here (the admin layout does not guard route handlers). Stripe's own: ../stripe-pdf.
import { documentRoute } from '@/lib/documents/document-error-page';
import { quoteDocumentResponse, requireQuoteForOperatorDocument } from '@/lib/quotes/quote-pdf-response';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ quoteId: string }> }): Promise<Response> {
  const { quoteId } = await params;
  return documentRoute('admin quote pdf', { kind: 'quote', backHref: `/admin/quotes/${quoteId}` }, async () =>
    quoteDocumentResponse(await requireQuoteForOperatorDocument(quoteId), 'seikyu'),
  );
}
