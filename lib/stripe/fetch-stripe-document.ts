// Fetches a customer document (invoice PDF, receipt) from Stripe's document host, server-side. The caller has
// already checked that the document belongs to the organization; this only refuses hosts that are not Stripe's.
// Every failure is an AppError: `not_found` when the host says 404, otherwise `stripe_error` (a URL we do not
// fetch from — e.g. an `invoice_pdf` mirrored from an emulator since restarted elsewhere —, an unreachable host
// or a bad answer); the document routes turn it into a page (lib/documents/document-error-page.ts).
import 'server-only';
import { AppError } from '@/lib/errors';
import { stripeDocumentOrigins } from './document-origins';
import { isAllowedDocumentUrl } from './document-url';

const FETCH_TIMEOUT_MS = 20_000;

export type StripeDocument = { contentType: string; body: ReadableStream<Uint8Array> };

export async function fetchStripeDocument(url: string): Promise<StripeDocument> {
  if (!isAllowedDocumentUrl(url, stripeDocumentOrigins)) {
    throw new AppError('stripe_error', `refusing to fetch a document from a URL outside ${stripeDocumentOrigins.join(', ')}: ${url}`);
  }
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow', cache: 'no-store', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    throw new AppError('stripe_error', `document fetch failed: ${url}`, { cause: error });
  }
  if (!response.ok || !response.body) {
    throw new AppError(response.status === 404 ? 'not_found' : 'stripe_error', `document fetch ${url} answered ${response.status}`);
  }
  return { contentType: response.headers.get('content-type') ?? 'application/octet-stream', body: response.body };
}
