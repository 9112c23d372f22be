// Document models for the renderer's tests and the screenshot script: a Japanese company invoiced for a 10 %
// service and an 8 % (reduced-rate) item, with a zero line already dropped by the builder.
import type { DocumentModel } from './document-model';
import { taxesByRate } from './document-model';

/** A Japanese company's billing details (invoice language ja), for the builders' tests. */
export const japaneseCompanyBilling = {
  companyName: '株式会社デモ',
  billingEmail: 'keiri@demo.example',
  address: { line1: '梅田1-1-1', line2: null, city: '大阪市北区', state: '大阪府', postalCode: '530-0001', country: 'JP' },
  taxId: null,
  invoiceLanguage: 'ja',
} as const;

const lines: DocumentModel['lines'] = [
  { description: 'スタンダードプラン（2026年11月分）', quantity: 1, amount: 30_000, taxRatePercent: 10, reducedRate: false },
  { description: '追加シート', quantity: 3, amount: 4_500, taxRatePercent: 10, reducedRate: false },
  { description: 'お弁当（会議用）', quantity: 10, amount: 5_400, taxRatePercent: 8, reducedRate: true },
];
const taxes = taxesByRate(lines, 'jpy');
const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
const total = subtotal + taxes.reduce((sum, tax) => sum + tax.taxAmount, 0);

export const japaneseInvoiceModel: DocumentModel = {
  kind: 'invoice',
  language: 'ja',
  currency: 'jpy',
  number: 'SEIKYU-0042',
  invoiceNumber: 'SEIKYU-0042',
  issueDate: new Date('2026-11-30T01:00:00Z'),
  transactionPeriod: { start: new Date('2026-11-01T00:00:00+09:00'), end: new Date('2026-11-30T00:00:00+09:00') },
  dueDate: new Date('2026-12-31T01:00:00Z'),
  paidAt: null,
  issuer: {
    name: '株式会社セイキュー',
    addressLines: ['〒150-0002', '東京都渋谷区渋谷1-2-3 渋谷ビル5F'],
    registrationNumber: 'T1234567890123',
    phone: '03-1234-5678',
    brandColor: '#3f48c0',
    logo: null,
  },
  addressee: { name: '株式会社デモ', isCompany: true, email: 'keiri@demo.example', addressLines: ['〒530-0001', '大阪府大阪市北区梅田1-1-1'], taxId: null },
  lines,
  subtotal,
  discount: 0,
  taxes,
  total,
  amountPaid: 0,
  amountDue: total,
  amountRemaining: total,
  creditedBeforePayment: 0,
  appliedBalance: 0,
  paymentMethod: { type: 'bank_transfer' },
  receiptPurpose: null,
  memo: null,
  footer: 'お振込手数料はお客様にてご負担ください。\n\n振込先: みずほ銀行 渋谷支店 普通 1234567 カ）セイキュー',
};

export const englishInvoiceModel: DocumentModel = {
  ...japaneseInvoiceModel,
  language: 'en',
  issuer: { ...japaneseInvoiceModel.issuer, name: 'Seikyu K.K.', addressLines: ['Shibuya Bldg 5F, 1-2-3 Shibuya', 'Shibuya-ku, Tokyo 150-0002', 'Japan'] },
  addressee: { name: 'Demo Inc.', isCompany: true, email: 'ap@demo.example', addressLines: ['1-1-1 Umeda, Kita-ku', 'Osaka 530-0001', 'JP'], taxId: null },
  lines: [
    { description: 'Standard plan (November 2026)', quantity: 1, amount: 30_000, taxRatePercent: 10, reducedRate: false },
    { description: 'Extra seats', quantity: 3, amount: 4_500, taxRatePercent: 10, reducedRate: false },
    { description: 'Boxed lunches (meeting)', quantity: 10, amount: 5_400, taxRatePercent: 8, reducedRate: true },
  ],
  footer: 'Bank transfer fees are borne by the customer.\n\nPay to: Mizuho Bank, Shibuya branch, ordinary 1234567, Seikyu K.K.',
};
