// The words on Seikyu's documents, in the two invoice languages. Kept beside the renderer (not in messages/*.json)
// because a PDF is drawn outside any request locale and these strings are part of the document's legal layout.
import type { Locale } from '@/lib/i18n/config';
import type { OffStripePaymentMethod } from '@/lib/back-office/adjustment-options';
import type { CreditNoteReason, DocumentKind } from './document-model';

export type DocumentLabels = {
  title: Record<DocumentKind, string>;
  /** The qualified-invoice name under the title, printed only when the issuer has a registration number. */
  qualifiedTitle: Record<DocumentKind, string>;
  number: Record<DocumentKind, string>;
  invoiceNumber: string;
  issueDate: string;
  transactionDate: string;
  dueDate: string;
  datePaid: string;
  validUntil: string;
  /** Under a quote's lines: it is an offer, not a bill. */
  quoteNote: string;
  paymentMethod: string;
  registrationNumber: string;
  phone: string;
  addressee: (name: string, isCompany: boolean) => string;
  customerTaxId: (value: string) => string;
  amountHeadline: Record<DocumentKind, string>;
  taxIncluded: string;
  description: string;
  quantity: string;
  taxRate: string;
  amount: string;
  subtotal: string;
  discount: string;
  taxableAt: (rate: string) => string;
  taxAt: (rate: string) => string;
  reducedRate: (rate: string) => string;
  total: string;
  amountPaid: string;
  amountDue: string;
  /** What the invoice bills after credit notes and balance (shown when either lowered the total). */
  amountBilled: string;
  creditedBeforePayment: string;
  appliedBalance: string;
  reducedRateNote: string;
  receiptPurpose: string;
  defaultReceiptPurpose: string;
  receivedWithThanks: string;
  bankTransfer: string;
  card: string;
  /** A payment recorded outside Stripe, by how it was received (the operators' form's words). */
  recordedWays: Record<OffStripePaymentMethod, string>;
  memo: string;
  /** Stripe's credit note reasons, as the document states them. */
  creditReasons: Record<CreditNoteReason, string>;
  currencyNote: (currency: string) => string;
  /** Before an invoice's memo (Stripe's `description`). */
  invoiceMemo: string;
};

export const DOCUMENT_LABELS: Record<Locale, DocumentLabels> = {
  en: {
    title: { invoice: 'Invoice', receipt: 'Receipt', credit_note: 'Credit note', quote: 'Quotation' },
    qualifiedTitle: { invoice: 'Qualified invoice (Japan)', receipt: 'Simplified qualified invoice (Japan)', credit_note: 'Qualified return invoice (Japan)', quote: '' },
    number: { invoice: 'Invoice number', receipt: 'Receipt number', credit_note: 'Credit note number', quote: 'Quote number' },
    invoiceNumber: 'Invoice number',
    issueDate: 'Date of issue',
    transactionDate: 'Transaction date',
    dueDate: 'Date due',
    datePaid: 'Date paid',
    validUntil: 'Valid until',
    quoteNote: 'We are pleased to submit our quotation as follows. It can be accepted online until the date above.',
    paymentMethod: 'Payment method',
    registrationNumber: 'Registration number',
    phone: 'Phone',
    addressee: (name) => name,
    customerTaxId: (value) => `Tax ID: ${value}`,
    amountHeadline: { invoice: 'Amount due', receipt: 'Amount received', credit_note: 'Amount credited', quote: 'Quoted amount' },
    taxIncluded: '(tax included)',
    description: 'Description',
    quantity: 'Qty',
    taxRate: 'Tax',
    amount: 'Amount',
    subtotal: 'Subtotal',
    discount: 'Discount',
    taxableAt: (rate) => `Subject to ${rate} tax (excl. tax)`,
    taxAt: (rate) => `Tax (${rate})`,
    reducedRate: (rate) => `${rate} reduced-rate`,
    total: 'Total',
    amountPaid: 'Amount paid',
    amountDue: 'Amount due',
    amountBilled: 'Amount billed',
    creditedBeforePayment: 'Credit notes',
    appliedBalance: 'Applied from your balance',
    reducedRateNote: '※ Reduced tax rate item',
    receiptPurpose: 'Payment for:',
    defaultReceiptPurpose: 'service charges',
    receivedWithThanks: 'Received with thanks the amount above.',
    bankTransfer: 'Bank transfer',
    card: 'Card',
    recordedWays: { bank_transfer: 'Bank transfer', cash: 'Cash', local_currency: 'Local currency', other: 'Other' },
    memo: 'Reason',
    creditReasons: { duplicate: 'Duplicate charge', fraudulent: 'Fraudulent charge', order_change: 'Order changed', product_unsatisfactory: 'Product or service unsatisfactory' },
    currencyNote: (currency) => `Amounts in ${currency}.`,
    invoiceMemo: 'Memo',
  },
  ja: {
    title: { invoice: '請求書', receipt: '領収書', credit_note: '返品・値引明細書', quote: '御見積書' },
    qualifiedTitle: { invoice: '適格請求書', receipt: '適格簡易請求書', credit_note: '適格返還請求書', quote: '' },
    number: { invoice: '請求書番号', receipt: '領収書番号', credit_note: '明細書番号', quote: '見積番号' },
    invoiceNumber: '請求書番号',
    issueDate: '発行日',
    transactionDate: '取引年月日',
    dueDate: '支払期限',
    datePaid: '領収日',
    validUntil: '有効期限',
    quoteNote: '下記のとおり御見積申し上げます。有効期限までオンラインでご承諾いただけます。',
    paymentMethod: '支払方法',
    registrationNumber: '登録番号',
    phone: 'TEL',
    addressee: (name, isCompany) => `${name} ${isCompany ? '御中' : '様'}`,
    customerTaxId: (value) => `登録番号：${value}`,
    amountHeadline: { invoice: 'ご請求金額', receipt: '領収金額', credit_note: '返品・値引額', quote: '御見積金額' },
    taxIncluded: '（税込）',
    description: '品目',
    quantity: '数量',
    taxRate: '税率',
    amount: '金額',
    subtotal: '小計',
    discount: '値引き',
    // The amount per rate before tax, as Stripe's total_taxes give it (a qualified invoice says which it is).
    taxableAt: (rate) => `${rate}対象（税抜）`,
    taxAt: (rate) => `消費税（${rate}）`,
    reducedRate: (rate) => `${rate}（軽減税率）`,
    total: '合計',
    amountPaid: '支払済み金額',
    amountDue: '未払残高',
    amountBilled: 'ご請求金額',
    creditedBeforePayment: '返品・値引',
    appliedBalance: 'お客様残高からの充当',
    reducedRateNote: '※ 軽減税率対象',
    receiptPurpose: '但し',
    defaultReceiptPurpose: 'ご利用料金として',
    receivedWithThanks: '上記正に領収いたしました。',
    bankTransfer: '銀行振込',
    card: 'カード',
    recordedWays: { bank_transfer: '銀行振込', cash: '現金', local_currency: '現地通貨', other: 'その他' },
    memo: '理由',
    creditReasons: { duplicate: '重複請求', fraudulent: '不正利用', order_change: '注文内容の変更', product_unsatisfactory: '商品・サービスの不備' },
    currencyNote: (currency) => `金額の通貨：${currency}`,
    invoiceMemo: '備考',
  },
};
