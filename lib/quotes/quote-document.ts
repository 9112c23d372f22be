// A quote as Seikyu's document (御見積書 / Quotation): the mirrored quote's lines and tax per rate, the issuer
// from the branding settings (with the registration number), the addressee 御中 (the organization's billing
// name, or the prospect's), validity, and the quote's header and footer. Pure; the loader is quote-document-data.ts.
import type { BillingDetails } from '@/db/queries/billing-details';
import type { QuoteRecord, QuoteRequestRecord } from '@/db/queries/quotes';
import type { BrandingSettings } from '@/lib/branding/settings';
import { isReducedRate, type DocumentIssuer, type DocumentLine, type DocumentModel } from '@/lib/documents/document-model';
import { issuerFrom } from '@/lib/documents/invoice-document-model';
import { describeQuoteLine, type LineCatalog } from '@/lib/billing/invoices/line-description';

const PER_INTERVAL: Record<string, { ja: string; en: string }> = {
  day: { ja: '（日額）', en: ' (per day)' },
  week: { ja: '（週額）', en: ' (per week)' },
  month: { ja: '（月額）', en: ' (per month)' },
  year: { ja: '（年額）', en: ' (per year)' },
};

export function quoteDocumentModelFrom(params: {
  quote: QuoteRecord;
  request: QuoteRequestRecord | null;
  organizationName: string | null;
  billing: BillingDetails | null;
  branding: BrandingSettings;
  logo?: DocumentIssuer['logo'];
  /** The lines' prices' catalogue texts (getPriceCatalogTexts), to name them in the document's language. */
  catalog?: ReadonlyMap<string, LineCatalog>;
}): DocumentModel {
  const { quote, request, billing, branding } = params;
  const language = request?.locale ?? billing?.invoiceLanguage ?? null;
  const ja = language === 'ja';
  const currency = quote.currency ?? 'jpy';
  const lines: DocumentLine[] = quote.lines.map((line) => {
    const rate = line.taxes[0]?.percentage ?? null;
    const per = line.recurringInterval ? (PER_INTERVAL[line.recurringInterval]?.[ja ? 'ja' : 'en'] ?? '') : '';
    const name = describeQuoteLine(line, line.priceId ? (params.catalog?.get(line.priceId) ?? null) : null, ja ? 'ja' : 'en');
    return { description: `${name}${per}`, quantity: line.quantity, amount: line.amountSubtotal, taxRatePercent: rate, reducedRate: isReducedRate(rate, currency) };
  });
  const taxes = quote.taxes
    .filter((t) => !t.inclusive || t.amount !== 0)
    .map((t) => ({ ratePercent: t.percentage, reducedRate: isReducedRate(t.percentage, currency), taxableAmount: t.taxableAmount, taxAmount: t.amount }))
    .sort((a, b) => b.ratePercent - a.ratePercent);
  const address = billing?.address;
  const addressLines = ja
    ? [address?.postalCode ? `〒${address.postalCode}` : null, [address?.state, address?.city, address?.line1].filter(Boolean).join(''), address?.line2]
    : [address?.line1, address?.line2, [address?.city, address?.state, address?.postalCode].filter(Boolean).join(' '), address?.country];
  const footer = [quote.footer, branding.invoiceFooter].filter((part): part is string => Boolean(part && part.trim())).join('\n\n');
  return {
    kind: 'quote',
    language,
    currency,
    number: quote.number ?? quote.id,
    invoiceNumber: null,
    issueDate: quote.finalizedAt ?? quote.stripeCreated,
    transactionPeriod: null,
    dueDate: null,
    validUntil: quote.expiresAt,
    paidAt: null,
    issuer: issuerFrom(branding, params.logo ?? null, null),
    addressee: {
      // A quote is addressed to a company (御中): the billing name, the organization's, or the prospect's.
      name: billing?.companyName ?? params.organizationName ?? request?.prospectName ?? null,
      isCompany: true,
      email: request?.recipientEmail ?? billing?.billingEmail ?? null,
      addressLines: addressLines.filter((line): line is string => typeof line === 'string' && line !== ''),
      taxId: billing?.taxId?.value ?? null,
    },
    lines,
    subtotal: quote.amountSubtotal,
    discount: quote.amountDiscount,
    taxes,
    total: quote.amountTotal,
    amountPaid: 0,
    amountDue: quote.amountTotal,
    amountRemaining: quote.amountTotal,
    creditedBeforePayment: 0,
    appliedBalance: 0,
    paymentMethod: null,
    receiptPurpose: null,
    memo: quote.header,
    footer: footer || null,
  };
}
