// Sample quotes for the document tests and scripts/document-screenshots.ts: a Japanese company quoted a monthly
// plan with seats (10 %) and a one-off course, through the real builder (quote-document.ts).
import type { LineCatalog } from '@/lib/billing/invoices/line-description';
import type { QuoteRecord, QuoteRequestRecord } from '@/db/queries/quotes';
import type { BrandingSettings } from '@/lib/branding/settings';
import type { DocumentModel } from '@/lib/documents/document-model';
import { quoteDocumentModelFrom } from './quote-document';

const tax = (amount: number, taxable: number) => ({ rateId: 'txr_10', displayName: '消費税', percentage: 10, inclusive: false, amount, taxableAmount: taxable });

export const sampleQuote: QuoteRecord = {
  id: 'qt_sample',
  customerId: 'cus_sample',
  organizationId: null,
  status: 'open',
  number: 'QT-2026-0007',
  currency: 'jpy',
  collectionMethod: 'send_invoice',
  daysUntilDue: 30,
  amountSubtotal: 69_800,
  amountTotal: 76_780,
  amountTax: 6_980,
  amountDiscount: 0,
  taxes: [tax(6_980, 69_800)],
  lines: [
    // Stripe names a quote's line by its product, in the catalogue's (English) name.
    { id: 'li_1', description: 'Team', priceId: 'price_team', quantity: 50, unitAmount: 1_200, amountSubtotal: 60_000, amountTotal: 66_000, recurringInterval: 'month', taxes: [tax(6_000, 60_000)] },
    { id: 'li_2', description: 'Onboarding course', priceId: 'price_course', quantity: 1, unitAmount: 9_800, amountSubtotal: 9_800, amountTotal: 10_780, recurringInterval: null, taxes: [tax(980, 9_800)] },
  ],
  header: '平素より格別のご高配を賜り厚く御礼申し上げます。下記のとおり御見積申し上げます。',
  footer: 'お支払い条件: 請求書発行後30日以内に銀行振込',
  description: null,
  trialPeriodDays: null,
  expiresAt: new Date('2026-12-31T14:59:59Z'),
  finalizedAt: new Date('2026-12-01T01:00:00Z'),
  acceptedAt: null,
  canceledAt: null,
  subscriptionId: null,
  invoiceId: null,
  metadata: {},
  stripeCreated: new Date('2026-12-01T00:30:00Z'),
  data: {},
  syncedAt: new Date('2026-12-01T01:00:00Z'),
};

export const sampleRequest: QuoteRequestRecord = {
  quoteId: 'qt_sample',
  organizationId: null,
  prospectName: '株式会社サンプル商事',
  prospectEmail: 'keiri@sample.example',
  recipientEmail: 'keiri@sample.example',
  locale: 'ja',
  customerId: 'cus_sample',
  duplicatedFrom: null,
  createdByUserId: null,
  sentAt: null,
  sentByUserId: null,
  firstViewedAt: null,
  lastViewedAt: null,
  lastViewedByEmail: null,
  acceptedAt: null,
  acceptedByEmail: null,
  createdAt: new Date('2026-12-01T00:30:00Z'),
};

export const sampleBranding: BrandingSettings = {
  companyName: '株式会社セイキュー',
  brandColor: '#3f48c0',
  bankDetails: '',
  companyAddress: '〒150-0002\n東京都渋谷区渋谷1-2-3 渋谷ビル5F',
  supportPhone: '03-1234-5678',
  showSupportPhone: true,
  invoiceFooter: '',
  bankTransferFooter: '',
  registrationNumber: 'T1234567890123',
};

/** The catalogue's texts for the sample's prices: the products' Japanese names name the lines on a Japanese quote. */
export const sampleQuoteCatalog = new Map<string, LineCatalog>([
  ['price_team', { productName: 'Team', productMetadata: { name_ja: 'チーム' }, priceNickname: 'Team (monthly, per seat)', priceMetadata: { nickname_ja: 'チーム（月払い、1席あたり）' } }],
  ['price_course', { productName: 'Onboarding course', productMetadata: { name_ja: '導入研修コース' }, priceNickname: null, priceMetadata: {} }],
]);

export const japaneseQuoteModel: DocumentModel = quoteDocumentModelFrom({
  quote: sampleQuote,
  request: sampleRequest,
  organizationName: null,
  billing: null,
  branding: sampleBranding,
  catalog: sampleQuoteCatalog,
});

export const englishQuoteModel: DocumentModel = quoteDocumentModelFrom({
  quote: {
    ...sampleQuote,
    header: 'Thank you for your interest. We are pleased to quote as follows.',
    footer: 'Payment terms: bank transfer within 30 days of the invoice.',
  },
  request: { ...sampleRequest, locale: 'en', prospectName: 'Sample Trading Co.' },
  organizationName: null,
  billing: null,
  branding: { ...sampleBranding, companyName: 'Seikyu K.K.', companyAddress: 'Shibuya Bldg 5F, 1-2-3 Shibuya\nShibuya-ku, Tokyo 150-0002\nJapan' },
  catalog: sampleQuoteCatalog,
});
