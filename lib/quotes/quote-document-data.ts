// Loads a quote's document from the mirror and the branding settings. Never calls Stripe. The caller has checked
// access (an operator, or getQuoteForViewer for a customer).
import 'server-only';
import { getBillingDetails } from '@/db/queries/billing-details';
import { getPriceCatalogTexts } from '@/db/queries/catalog';
import type { PriceCatalogTexts } from '@/db/catalog-text';
import type { ListedQuote, QuoteRecord } from '@/db/queries/quotes';
import { getBrandingLogo } from '@/lib/branding/logo';
import { getBrandingSettings } from '@/lib/branding/settings';
import type { DocumentModel } from '@/lib/documents/document-model';
import { renderQuotePdf } from '@/lib/documents/document-pdf';
import { quoteDocumentModelFrom } from './quote-document';

export async function loadQuoteDocument(found: ListedQuote): Promise<DocumentModel> {
  const organizationId = found.quote.organizationId ?? found.request?.organizationId ?? null;
  const [billing, branding, logo, catalog] = await Promise.all([
    organizationId ? getBillingDetails({ organizationId }) : null,
    getBrandingSettings(),
    getBrandingLogo(),
    quoteLineCatalog(found.quote),
  ]);
  return quoteDocumentModelFrom({ quote: found.quote, request: found.request, organizationName: found.organizationName, billing: billing?.details ?? null, branding, logo, catalog });
}

/** The catalogue texts of a quote's prices, to name its lines in the reader's language. */
export function quoteLineCatalog(quote: Pick<QuoteRecord, 'lines'>): Promise<Map<string, PriceCatalogTexts>> {
  return getPriceCatalogTexts({ priceIds: quote.lines.map((line) => line.priceId).filter((id): id is string => id !== null) });
}

export async function renderQuoteDocument(found: ListedQuote): Promise<Buffer> {
  return renderQuotePdf(await loadQuoteDocument(found));
}

export function quoteFilename(quote: { id: string; number: string | null }): string {
  return `quote-${(quote.number ?? quote.id).replace(/[^A-Za-z0-9_-]/g, '_')}.pdf`;
}
