// Renders a quote as a PDF (pdfkit, built-in Helvetica, uncompressed so tests can find the number in the bytes),
// in the style of the invoice PDF: number, dates, header text, customer, lines, discounts, tax per rate, total,
// what recurs after the first invoice, footer. Stands in for Stripe's own quote PDF (`quotes.pdf()`).
import PDFDocument from 'pdfkit';
import { formatMoney } from '../billing/currency.js';
import { formatDate, safe, type DocumentParty } from './invoice-pdf.js';

export interface QuoteDocumentLine {
  description: string;
  quantity: number | null;
  unitAmount: number | null;
  amount: number;
  /** "per month", "every 3 months"; null for a one-time line. */
  recurring: string | null;
}

export interface QuoteDocument {
  number: string | null;
  status: string;
  currency: string;
  createdAt: number;
  expiresAt: number;
  header: string | null;
  description: string | null;
  footer: string | null;
  seller: DocumentParty;
  billTo: DocumentParty;
  lines: QuoteDocumentLine[];
  subtotal: number;
  discounts: { label: string; amount: number }[];
  taxes: { label: string; amount: number }[];
  total: number;
  /** The first invoice's total when it differs from the total (a trial), else null. */
  upfrontTotal: number | null;
  /** "¥33,000 per month" after the first invoice; null for a one-off quote. */
  recurringSummary: string | null;
}

const INK = '#1a1f36';
const MUTED = '#697386';
const RULE = '#e3e8ee';

export function renderQuotePdf(doc: QuoteDocument): Promise<Buffer> {
  const money = (amount: number) => safe(formatMoney(amount, doc.currency));
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 50,
    compress: false,
    info: { Title: `Quote ${doc.number ?? ''}`.trim(), Author: doc.seller.name ?? 'Stripe emulator', Subject: `Quote for ${doc.billTo.name ?? doc.billTo.email ?? 'customer'}` },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const left = 50;
  const right = pdf.page.width - 50;
  const width = right - left;

  pdf.fillColor(INK).font('Helvetica-Bold').fontSize(24).text('Quote', left, 50);
  pdf.font('Helvetica-Bold').fontSize(11).text(safe(doc.seller.name ?? ''), left, 52, { width, align: 'right' });
  let y = 100;
  const facts: [string, string][] = [
    ['Quote number', doc.number ?? 'Draft'],
    ['Date of issue', formatDate(doc.createdAt)],
    ['Valid until', formatDate(doc.expiresAt)],
  ];
  if (doc.status === 'canceled') facts.push(['Status', 'Canceled']);
  if (doc.status === 'accepted') facts.push(['Status', 'Accepted']);
  pdf.fontSize(10);
  for (const [label, value] of facts) {
    pdf.fillColor(MUTED).font('Helvetica').text(safe(label), left, y, { width: 110 });
    pdf.fillColor(INK).font('Helvetica-Bold').text(safe(value), left + 115, y, { width: 250 });
    y += 15;
  }
  y += 15;
  pdf.fillColor(MUTED).font('Helvetica').fontSize(9).text('QUOTE TO', left, y);
  y += 13;
  pdf.fillColor(INK).font('Helvetica-Bold').fontSize(10);
  for (const line of [doc.billTo.name, ...doc.billTo.addressLines, doc.billTo.email].filter((l): l is string => Boolean(l))) {
    pdf.text(safe(line), left, y, { width: 260 });
    y += 14;
    pdf.font('Helvetica');
  }
  y += 14;
  pdf.fillColor(INK).font('Helvetica-Bold').fontSize(16).text(`${money(doc.total)}${doc.recurringSummary ? '' : ' total'}`, left, y);
  y += 24;
  for (const text of [doc.header, doc.description]) {
    if (!text) continue;
    pdf.fillColor(INK).font('Helvetica').fontSize(10).text(safe(text), left, y, { width });
    y = pdf.y + 8;
  }

  y += 8;
  const col = { desc: left, qty: left + width * 0.58, unit: left + width * 0.68, amount: left + width * 0.84 };
  pdf.fillColor(MUTED).font('Helvetica').fontSize(9);
  pdf.text('Description', col.desc, y);
  pdf.text('Qty', col.qty, y, { width: width * 0.08, align: 'right' });
  pdf.text('Unit price', col.unit, y, { width: width * 0.15, align: 'right' });
  pdf.text('Amount', col.amount, y, { width: width * 0.16, align: 'right' });
  y += 14;
  pdf.moveTo(left, y).lineTo(right, y).strokeColor(RULE).lineWidth(1).stroke();
  y += 8;
  for (const line of doc.lines) {
    if (y > pdf.page.height - 180) {
      pdf.addPage();
      y = 50;
    }
    pdf.fillColor(INK).font('Helvetica').fontSize(10).text(safe(line.description), col.desc, y, { width: width * 0.56 });
    let rowBottom = pdf.y;
    if (line.recurring) {
      pdf.fillColor(MUTED).fontSize(8).text(safe(line.recurring), col.desc, rowBottom + 1, { width: width * 0.56 });
      rowBottom = pdf.y;
    }
    pdf.fillColor(INK).fontSize(10);
    pdf.text(line.quantity == null ? '' : String(line.quantity), col.qty, y, { width: width * 0.08, align: 'right' });
    pdf.text(line.unitAmount == null ? '' : money(line.unitAmount), col.unit, y, { width: width * 0.15, align: 'right' });
    pdf.text(money(line.amount), col.amount, y, { width: width * 0.16, align: 'right' });
    y = Math.max(rowBottom, pdf.y) + 8;
    pdf.moveTo(left, y - 4).lineTo(right, y - 4).strokeColor(RULE).lineWidth(0.5).stroke();
  }

  y += 8;
  const row = (label: string, value: string, bold = false) => {
    pdf.fillColor(bold ? INK : MUTED).font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    pdf.text(safe(label), left + width * 0.45, y, { width: width * 0.35 });
    pdf.fillColor(INK).text(value, col.amount, y, { width: width * 0.16, align: 'right' });
    y += 16;
  };
  row('Subtotal', money(doc.subtotal));
  for (const d of doc.discounts) row(d.label, money(-d.amount));
  for (const t of doc.taxes) row(t.label, money(t.amount));
  row('Total', money(doc.total), true);
  if (doc.upfrontTotal !== null) row('Due on the first invoice', money(doc.upfrontTotal));
  if (doc.recurringSummary) row('Then', safe(doc.recurringSummary));
  if (doc.footer) {
    y += 16;
    pdf.fillColor(MUTED).font('Helvetica').fontSize(9).text(safe(doc.footer), left, y, { width });
  }
  pdf
    .fillColor(MUTED)
    .fontSize(8)
    .text(`${doc.number ?? 'Draft'} · valid until ${formatDate(doc.expiresAt)} · Generated by the Seikyu Stripe emulator (test mode)`, left, pdf.page.height - 60, {
      width,
      align: 'center',
      lineBreak: false,
    });
  pdf.end();
  return done;
}
