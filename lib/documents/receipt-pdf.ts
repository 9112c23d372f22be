// The receipt of a paid invoice as a PDF, drawn by the portal itself from mirror data (see receipt-data.ts).
// A ReceiptDocument comes in, the PDF bytes come out; the only outside input is the CJK font file (cjk-font.ts).
//
// Fonts: with a CJK font (PDF_CJK_FONT_PATH or Debian's IPAex Gothic) it is embedded and draws every string, and
// the labels, dates and amounts follow the customer's invoice language (Japanese or English). Without one, the
// built-in Helvetica covers Latin-1 (WinAnsi) only, so the receipt is English whatever the invoice language and
// characters outside WinAnsi (a Japanese company name, say) become "?" rather than garbage. See README.md.
import PDFDocument from 'pdfkit';
import { timeZoneFor, type Locale } from '@/lib/i18n/config';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { findCjkFont } from './cjk-font';

export type ReceiptLine = { description: string; quantity: number | null; amount: number };

export type ReceiptDocument = {
  /** Shown as "Receipt number"; derived from the invoice number by the caller. */
  receiptNumber: string;
  invoiceNumber: string;
  currency: string;
  amountPaid: number;
  subtotal: number;
  total: number;
  paidAt: Date;
  /** "Visa •••• 4242" is drawn from these when the paying card is known. */
  paymentMethod: { brand: string | null; last4: string | null } | null;
  /** The seller as printed in the header. */
  issuer: string;
  billedTo: { name: string | null; email: string | null; addressLines: string[]; taxId: string | null };
  lines: ReceiptLine[];
  /** The customer's invoice language: `ja` draws Japanese labels and formats when a CJK font is available. */
  language: string | null;
};

type Labels = {
  receipt: string;
  receiptNumber: string;
  invoiceNumber: string;
  datePaid: string;
  paymentMethod: string;
  billedTo: string;
  taxId: (value: string) => string;
  paidOn: (amount: string, date: string) => string;
  description: string;
  quantity: string;
  amount: string;
  subtotal: string;
  total: string;
  amountPaid: string;
  footer: (invoiceNumber: string, currency: string) => string;
};

export const RECEIPT_LABELS: Record<Locale, Labels> = {
  en: {
    receipt: 'Receipt',
    receiptNumber: 'Receipt number',
    invoiceNumber: 'Invoice number',
    datePaid: 'Date paid',
    paymentMethod: 'Payment method',
    billedTo: 'Billed to',
    taxId: (value) => `Tax ID: ${value}`,
    paidOn: (amount, date) => `${amount} paid on ${date}`,
    description: 'Description',
    quantity: 'Qty',
    amount: 'Amount',
    subtotal: 'Subtotal',
    total: 'Total',
    amountPaid: 'Amount paid',
    footer: (invoiceNumber, currency) => `This receipt confirms payment of invoice ${invoiceNumber}. Amounts in ${currency}.`,
  },
  ja: {
    receipt: '領収書',
    receiptNumber: '領収書番号',
    invoiceNumber: '請求書番号',
    datePaid: '支払日',
    paymentMethod: '支払方法',
    billedTo: '請求先',
    taxId: (value) => `登録番号: ${value}`,
    paidOn: (amount, date) => `${amount}（${date} 支払済み）`,
    description: '品目',
    quantity: '数量',
    amount: '金額',
    subtotal: '小計',
    total: '合計',
    amountPaid: 'お支払金額',
    footer: (invoiceNumber, currency) => `請求書 ${invoiceNumber} のお支払いを領収いたしました。金額の通貨: ${currency}。`,
  },
};

/** The locale a receipt is drawn in: the invoice language when the font can draw it, else English. */
export function receiptLocale(language: string | null, hasCjkFont: boolean): Locale {
  return hasCjkFont && language === 'ja' ? 'ja' : 'en';
}

const WIN_ANSI_EXTRA = new Set(['€', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 'Ž', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 'ž', 'Ÿ']);

/** Text safe for a standard-14 font: Latin-1 and the WinAnsi extras kept, anything else becomes "?". */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char)) out += char;
    else if (char === '\u202f' || char === '\u2009') out += ' ';
    else out += '?';
  }
  return out;
}

export function describePaymentMethod(method: ReceiptDocument['paymentMethod']): string | null {
  if (!method || !method.last4) return null;
  const brand = method.brand ? brandName(method.brand) : 'Card';
  return `${brand} •••• ${method.last4}`;
}

function brandName(brand: string): string {
  const known: Record<string, string> = {
    visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', jcb: 'JCB', discover: 'Discover', diners: 'Diners Club', unionpay: 'UnionPay',
  };
  return known[brand.toLowerCase()] ?? brand.charAt(0).toUpperCase() + brand.slice(1);
}

/** Narrow and thin spaces (Intl puts them in some formats) are plain spaces in the PDF. */
function plainSpaces(text: string): string {
  return text.replace(/[\u202f\u2009]/g, ' ');
}

/**
 * Draws the receipt. `cjkFontPath` defaults to the font cjk-font.ts finds; pass null to draw without one
 * (English, built-in Helvetica).
 */
export function renderReceiptPdf(receipt: ReceiptDocument, options: { cjkFontPath?: string | null } = {}): Promise<Buffer> {
  const cjkFontPath = options.cjkFontPath === undefined ? findCjkFont() : options.cjkFontPath;
  const locale = receiptLocale(receipt.language, cjkFontPath !== null);
  const labels = RECEIPT_LABELS[locale];
  // Every string drawn goes through `t`: WinAnsi-safe for Helvetica, untouched (bar odd spaces) for the CJK font.
  const t = cjkFontPath ? plainSpaces : toWinAnsi;
  const regular = cjkFontPath ? 'cjk' : 'Helvetica';
  // IPAex Gothic has no bold face; headings stay distinguishable by size.
  const bold = cjkFontPath ? 'cjk' : 'Helvetica-Bold';
  const money = (amount: number) => t(formatMoney(amount, receipt.currency, locale));
  const date = (value: Date) => t(formatDate(value, locale, timeZoneFor[locale]));
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: {
      Title: t(`${labels.receipt} ${receipt.receiptNumber}`),
      Author: t(receipt.issuer),
      Subject: t(`${labels.invoiceNumber} ${receipt.invoiceNumber}`),
    },
    // Text streams uncompressed keeps the document inspectable; receipts are small.
    compress: false,
  });
  if (cjkFontPath) doc.registerFont('cjk', cjkFontPath);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  doc.font(bold).fontSize(22).text(labels.receipt, left, 56);
  doc.font(regular).fontSize(10).fillColor('#444444').text(t(receipt.issuer), left, 62, { width, align: 'right' });
  doc.moveDown(2).fillColor('#000000');

  const facts: Array<[string, string]> = [
    [labels.receiptNumber, t(receipt.receiptNumber)],
    [labels.invoiceNumber, t(receipt.invoiceNumber)],
    [labels.datePaid, date(receipt.paidAt)],
  ];
  const method = describePaymentMethod(receipt.paymentMethod);
  if (method) facts.push([labels.paymentMethod, t(method)]);
  const factsTop = 110;
  facts.forEach(([label, value], index) => {
    const y = factsTop + index * 16;
    doc.font(regular).fontSize(10).fillColor('#555555').text(label, left, y, { width: 120 });
    doc.font(regular).fillColor('#000000').text(value, left + 120, y, { width: 200 });
  });

  const billed = receipt.billedTo;
  const billedLines = [billed.name, ...billed.addressLines, billed.email, billed.taxId ? labels.taxId(billed.taxId) : null].filter(
    (line): line is string => typeof line === 'string' && line.trim() !== '',
  );
  doc.font(bold).fontSize(10).text(labels.billedTo, left + 330, factsTop, { width: width - 330 });
  doc.font(regular).text(t(billedLines.join('\n')) || '-', left + 330, factsTop + 16, { width: width - 330 });

  let y = Math.max(factsTop + facts.length * 16, doc.y) + 28;
  doc.font(bold).fontSize(14).text(labels.paidOn(money(receipt.amountPaid), date(receipt.paidAt)), left, y, { width });
  y = doc.y + 20;

  const qtyX = left + width - 170;
  const amountX = left + width - 110;
  doc.font(bold).fontSize(9).fillColor('#555555');
  doc.text(labels.description, left, y, { width: qtyX - left - 10 });
  doc.text(labels.quantity, qtyX, y, { width: 50, align: 'right' });
  doc.text(labels.amount, amountX, y, { width: 110, align: 'right' });
  y += 14;
  doc.moveTo(left, y).lineTo(left + width, y).strokeColor('#cccccc').stroke();
  y += 6;
  doc.font(regular).fontSize(10).fillColor('#000000');
  for (const line of receipt.lines) {
    if (y > doc.page.height - doc.page.margins.bottom - 80) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    const description = t(line.description || '-');
    const height = doc.heightOfString(description, { width: qtyX - left - 10 });
    doc.text(description, left, y, { width: qtyX - left - 10 });
    doc.text(line.quantity === null ? '' : String(line.quantity), qtyX, y, { width: 50, align: 'right' });
    doc.text(money(line.amount), amountX, y, { width: 110, align: 'right' });
    y += Math.max(height, 12) + 6;
  }
  doc.moveTo(left, y).lineTo(left + width, y).strokeColor('#cccccc').stroke();
  y += 8;

  const totals: Array<[string, string, boolean]> = [
    [labels.subtotal, money(receipt.subtotal), false],
    [labels.total, money(receipt.total), false],
    [labels.amountPaid, money(receipt.amountPaid), true],
  ];
  for (const [label, value, strong] of totals) {
    doc.font(strong ? bold : regular).fontSize(10);
    doc.text(label, amountX - 120, y, { width: 120 });
    doc.text(value, amountX, y, { width: 110, align: 'right' });
    y += 16;
  }

  doc.font(regular).fontSize(8).fillColor('#777777').text(
    t(labels.footer(receipt.invoiceNumber, receipt.currency.toUpperCase())),
    left,
    y + 24,
    { width },
  );
  doc.end();
  return done;
}
