// Quote PDFs as downloads, once the route has checked access: Seikyu's own (御見積書 / Quotation, lib/documents)
// and Stripe's (GET /v1/quotes/:id/pdf, read through lib/stripe). A draft has no Stripe PDF (Stripe refuses it).
import 'server-only';
import { getQuoteForOperator, type ListedQuote } from '@/db/queries/quotes';
import { getCurrentUser, getOperatorRoleFor } from '@/lib/auth/session';
import { pdfResponse } from '@/lib/billing/invoices/invoice-document';
import { AppError, toAppError } from '@/lib/errors';
import { downloadQuotePdf } from '@/lib/stripe/download-quote-pdf';
import { loadQuoteForViewer } from './accept-quote';
import { quoteFilename, renderQuoteDocument } from './quote-document-data';

const pdf = (bytes: Buffer, filename: string) => pdfResponse(new Uint8Array(bytes), filename);

export async function quoteDocumentResponse(found: ListedQuote, source: 'seikyu' | 'stripe'): Promise<Response> {
  if (source === 'seikyu') return pdf(await renderQuoteDocument(found), quoteFilename(found.quote));
  if (found.quote.status === 'draft') throw new AppError('not_found', `quote ${found.quote.id} is a draft: Stripe has no PDF of it`);
  const bytes = await downloadQuotePdf(found.quote.id).catch((error: unknown) => {
    throw new AppError('stripe_error', `Stripe's PDF of quote ${found.quote.id} failed`, { cause: toAppError(error) });
  });
  return pdf(bytes, quoteFilename({ id: found.quote.id, number: found.quote.number ? `${found.quote.number}-stripe` : null }));
}

/** The operators' check: signed in, an operator (else the same 404 as an unknown quote), a quote in the mirror. */
export async function requireQuoteForOperatorDocument(quoteId: string): Promise<ListedQuote> {
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthenticated', 'operator quote document requested without a session');
  if (!(await getOperatorRoleFor(user.id))) throw new AppError('not_found', `user ${user.id} is not an operator`);
  const found = await getQuoteForOperator({ quoteId });
  if (!found) throw new AppError('not_found', `quote ${quoteId} is not in the mirror`);
  return found;
}

/** The customer's check: the quote's recipient or a member of its organization (getQuoteForViewer), else 404. */
export async function requireQuoteForViewerDocument(quoteId: string): Promise<ListedQuote> {
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthenticated', 'quote document requested without a session');
  return loadQuoteForViewer(quoteId, { id: user.id, email: user.email });
}
