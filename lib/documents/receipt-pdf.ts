// The receipt of a paid invoice as a PDF, drawn by the portal itself from mirror data (see receipt-data.ts).
// Pure apart from pdfkit: a ReceiptDocument comes in, the PDF bytes come out.
//
// Fonts: pdfkit's built-in Helvetica covers Latin-1 (WinAnsi) only, and no CJK font ships with the app, so the
// receipt is drawn with English labels and English number/date formatting even when the customer's invoice
// language is Japanese; characters outside WinAnsi (a Japanese company name, say) are replaced with "?"
// rather than emitted as garbage. See lib/documents/README.md.
import PDFDocument from 'pdfkit';
import { timeZoneFor } from '@/lib/i18n/config';
import { formatDate, formatMoney } from '@/lib/i18n/format';

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
  /** The customer's invoice language; only affects which labels are drawn once a CJK font is available. */
  language: string | null;
};

/** The locale the PDF is drawn in: always English today (no CJK font is embedded). */
export const RECEIPT_LOCALE = 'en';

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

export function renderReceiptPdf(receipt: ReceiptDocument): Promise<Buffer> {
  const money = (amount: number) => toWinAnsi(formatMoney(amount, receipt.currency, RECEIPT_LOCALE));
  const date = (value: Date) => formatDate(value, RECEIPT_LOCALE, timeZoneFor.en);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: toWinAnsi(`Receipt ${receipt.receiptNumber}`), Author: toWinAnsi(receipt.issuer), Subject: toWinAnsi(`Invoice ${receipt.invoiceNumber}`) },
    // Text streams uncompressed keeps the document inspectable; receipts are small.
    compress: false,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  doc.font('Helvetica-Bold').fontSize(22).text('Receipt', left, 56);
  doc.font('Helvetica').fontSize(10).fillColor('#444444').text(toWinAnsi(receipt.issuer), left, 62, { width, align: 'right' });
  doc.moveDown(2).fillColor('#000000');

  const facts: Array<[string, string]> = [
    ['Receipt number', toWinAnsi(receipt.receiptNumber)],
    ['Invoice number', toWinAnsi(receipt.invoiceNumber)],
    ['Date paid', date(receipt.paidAt)],
  ];
  const method = describePaymentMethod(receipt.paymentMethod);
  if (method) facts.push(['Payment method', toWinAnsi(method)]);
  const factsTop = 110;
  facts.forEach(([label, value], index) => {
    const y = factsTop + index * 16;
    doc.font('Helvetica').fontSize(10).fillColor('#555555').text(label, left, y, { width: 120 });
    doc.font('Helvetica').fillColor('#000000').text(value, left + 120, y, { width: 200 });
  });

  const billed = receipt.billedTo;
  const billedLines = [billed.name, ...billed.addressLines, billed.email, billed.taxId ? `Tax ID: ${billed.taxId}` : null].filter(
    (line): line is string => typeof line === 'string' && line.trim() !== '',
  );
  doc.font('Helvetica-Bold').fontSize(10).text('Billed to', left + 330, factsTop, { width: width - 330 });
  doc.font('Helvetica').text(toWinAnsi(billedLines.join('\n')) || '-', left + 330, factsTop + 16, { width: width - 330 });

  let y = Math.max(factsTop + facts.length * 16, doc.y) + 28;
  doc.font('Helvetica-Bold').fontSize(14).text(`${money(receipt.amountPaid)} paid on ${date(receipt.paidAt)}`, left, y, { width });
  y = doc.y + 20;

  const qtyX = left + width - 170;
  const amountX = left + width - 110;
  doc.font('Helvetica-Bold').fontSize(9).fillColor('#555555');
  doc.text('Description', left, y, { width: qtyX - left - 10 });
  doc.text('Qty', qtyX, y, { width: 50, align: 'right' });
  doc.text('Amount', amountX, y, { width: 110, align: 'right' });
  y += 14;
  doc.moveTo(left, y).lineTo(left + width, y).strokeColor('#cccccc').stroke();
  y += 6;
  doc.font('Helvetica').fontSize(10).fillColor('#000000');
  for (const line of receipt.lines) {
    if (y > doc.page.height - doc.page.margins.bottom - 80) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    const description = toWinAnsi(line.description || '-');
    const height = doc.heightOfString(description, { width: qtyX - left - 10 });
    doc.text(description, left, y, { width: qtyX - left - 10 });
    doc.text(line.quantity === null ? '' : String(line.quantity), qtyX, y, { width: 50, align: 'right' });
    doc.text(money(line.amount), amountX, y, { width: 110, align: 'right' });
    y += Math.max(height, 12) + 6;
  }
  doc.moveTo(left, y).lineTo(left + width, y).strokeColor('#cccccc').stroke();
  y += 8;

  const totals: Array<[string, string, boolean]> = [
    ['Subtotal', money(receipt.subtotal), false],
    ['Total', money(receipt.total), false],
    ['Amount paid', money(receipt.amountPaid), true],
  ];
  for (const [label, value, bold] of totals) {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    doc.text(label, amountX - 120, y, { width: 120 });
    doc.text(value, amountX, y, { width: 110, align: 'right' });
    y += 16;
  }

  doc.font('Helvetica').fontSize(8).fillColor('#777777').text(
    toWinAnsi(`This receipt confirms payment of invoice ${receipt.invoiceNumber}. Amounts in ${receipt.currency.toUpperCase()}.`),
    left,
    y + 24,
    { width },
  );
  doc.end();
  return done;
}
