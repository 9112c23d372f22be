// Renders invoices, receipts and credit notes as real PDFs (pdfkit, built-in Helvetica so no font files are needed).
// The input is a plain view model so the layout knows nothing about the store; content streams are left
// uncompressed so the invoice number can be found in the bytes by tests and by `grep`.
import PDFDocument from 'pdfkit';
import { formatMoney } from '../billing/currency.js';
import { INK, LineTable, MUTED, safe } from './line-table.js';

export interface DocumentParty {
  name: string | null;
  email: string | null;
  addressLines: string[];
}

export interface DocumentLine {
  description: string;
  /** "Jan 1 – Feb 1, 2026" for subscription and proration lines, null for one-off items. */
  period: { start: number; end: number } | null;
  quantity: number | null;
  unitAmount: number | null;
  amount: number;
}

export interface InvoiceDocument {
  kind: 'invoice' | 'receipt' | 'credit_note';
  number: string | null;
  status: string;
  currency: string;
  issuedAt: number;
  dueAt: number | null;
  paidAt: number | null;
  seller: DocumentParty;
  billTo: DocumentParty;
  lines: DocumentLine[];
  subtotal: number;
  discounts: { label: string; amount: number }[];
  /**
   * Tax rows ("JCT (10% inclusive)"), shown with `totalExcludingTax` between the discounts and the total when
   * given and non-empty (credit notes; invoices do not pass them yet).
   */
  taxes?: { label: string; amount: number }[];
  totalExcludingTax?: number;
  total: number;
  amountPaid: number;
  amountDue: number;
  amountRemaining: number;
  /** Customer credit applied (negative starting balance), shown as its own row when non-zero. */
  appliedBalance: number;
  memo: string | null;
  footer: string | null;
  customFields: { name: string; value: string }[];
  paymentUrl: string | null;
  /** For receipts: "Visa •••• 4242" or "Paid outside Stripe". */
  paymentMethodLabel: string | null;
  /** For credit notes: the credited invoice's number and the reason. */
  creditNote?: { invoiceNumber: string | null; reason: string | null; status: string };
}

const ACCENT = '#635bff';

export { safe };

export function formatDate(t: number): string {
  return new Date(t * 1000).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

function formatShortDate(t: number): string {
  return new Date(t * 1000).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

function formatPeriod(p: { start: number; end: number }): string {
  const year = new Date(p.end * 1000).getUTCFullYear();
  return `${formatShortDate(p.start)} – ${formatShortDate(p.end)}, ${year}`;
}

/** Renders the document and resolves with the PDF bytes. */
export function renderInvoicePdf(doc: InvoiceDocument): Promise<Buffer> {
  const money = (amount: number) => safe(formatMoney(amount, doc.currency));
  const title = doc.kind === 'receipt' ? 'Receipt' : doc.kind === 'credit_note' ? 'Credit note' : 'Invoice';
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 50,
    compress: false,
    info: {
      Title: `${title} ${doc.number ?? ''}`.trim(),
      Author: doc.seller.name ?? 'Stripe emulator',
      Subject: `${title} for ${doc.billTo.name ?? doc.billTo.email ?? 'customer'}`,
    },
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

  // Header: title on the left, seller on the right.
  pdf.fillColor(INK).font('Helvetica-Bold').fontSize(24).text(title, left, 50);
  pdf.font('Helvetica-Bold').fontSize(11).text(safe(doc.seller.name ?? ''), left, 52, { width, align: 'right' });
  pdf.font('Helvetica').fontSize(9).fillColor(MUTED);
  for (const line of [...doc.seller.addressLines, doc.seller.email ?? ''].filter(Boolean)) {
    pdf.text(safe(line), { width, align: 'right' });
  }

  // Facts block.
  let y = 100;
  const facts: [string, string][] = [];
  if (doc.kind === 'credit_note') {
    facts.push(['Credit note number', doc.number ?? '—']);
    facts.push(['Invoice number', doc.creditNote?.invoiceNumber ?? '—']);
    facts.push(['Date of issue', formatDate(doc.issuedAt)]);
    if (doc.creditNote?.reason) facts.push(['Reason', doc.creditNote.reason]);
    if (doc.creditNote?.status === 'void') facts.push(['Status', 'Void']);
  } else if (doc.kind === 'receipt') {
    facts.push(['Receipt number', doc.number ? `${doc.number}-R` : '—']);
    facts.push(['Invoice number', doc.number ?? 'Draft']);
    if (doc.paidAt) facts.push(['Date paid', formatDate(doc.paidAt)]);
    if (doc.paymentMethodLabel) facts.push(['Payment method', doc.paymentMethodLabel]);
  } else {
    facts.push(['Invoice number', doc.number ?? 'Draft']);
    facts.push(['Date of issue', formatDate(doc.issuedAt)]);
    if (doc.dueAt) facts.push(['Date due', formatDate(doc.dueAt)]);
    if (doc.paidAt) facts.push(['Date paid', formatDate(doc.paidAt)]);
  }
  for (const f of doc.customFields) facts.push([f.name, f.value]);
  pdf.fontSize(10);
  for (const [label, value] of facts) {
    pdf.fillColor(MUTED).font('Helvetica').text(safe(label), left, y, { width: 110 });
    pdf.fillColor(INK).font('Helvetica-Bold').text(safe(value), left + 115, y, { width: 200 });
    y += 15;
  }

  // Bill to.
  y += 15;
  pdf.fillColor(MUTED).font('Helvetica').fontSize(9).text('BILL TO', left, y);
  y += 13;
  pdf.fillColor(INK).font('Helvetica-Bold').fontSize(10);
  for (const line of [doc.billTo.name, ...doc.billTo.addressLines, doc.billTo.email].filter((l): l is string => Boolean(l))) {
    pdf.text(safe(line), left, y, { width: 260 });
    y += 14;
    pdf.font('Helvetica');
  }

  // Headline amount.
  y += 18;
  const headline =
    doc.kind === 'credit_note'
      ? `${money(doc.total)} credited`
      : doc.kind === 'receipt'
      ? `${money(doc.amountPaid)} paid${doc.paidAt ? ` on ${formatDate(doc.paidAt)}` : ''}`
      : doc.status === 'paid'
        ? `${money(doc.total)} paid${doc.paidAt ? ` on ${formatDate(doc.paidAt)}` : ''}`
        : `${money(doc.amountRemaining)} due${doc.dueAt ? ` ${formatDate(doc.dueAt)}` : ''}`;
  pdf.fillColor(INK).font('Helvetica-Bold').fontSize(16).text(headline, left, y);
  y += 24;
  if (doc.paymentUrl && doc.kind === 'invoice' && doc.status === 'open') {
    pdf.fillColor(ACCENT).font('Helvetica').fontSize(10).text('Pay online', left, y, { link: doc.paymentUrl, underline: true });
    y += 16;
  }
  if (doc.memo) {
    pdf.fillColor(INK).font('Helvetica').fontSize(10).text(safe(doc.memo), left, y, { width });
    y = pdf.y + 8;
  }

  // Lines table.
  y += 12;
  const table = new LineTable(pdf, left, right, money);
  y = table.header(y);
  for (const line of doc.lines) {
    if (y > pdf.page.height - 160) {
      pdf.addPage();
      y = table.header(50);
    }
    y = table.row(y, { ...line, subline: line.period ? formatPeriod(line.period) : null });
  }

  // Totals.
  y += 8;
  const totalsRow = (label: string, value: string, bold = false) => {
    y = table.total(y, label, value, { bold, labelAt: 0.5, labelWidth: 0.3 });
  };
  totalsRow('Subtotal', money(doc.subtotal));
  for (const d of doc.discounts) totalsRow(d.label, money(-d.amount));
  if (doc.taxes && doc.taxes.length > 0) {
    if (doc.totalExcludingTax !== undefined) totalsRow('Total excluding tax', money(doc.totalExcludingTax));
    for (const t of doc.taxes) totalsRow(t.label, money(t.amount));
  }
  totalsRow(doc.kind === 'credit_note' ? 'Total credited' : 'Total', money(doc.total), true);
  if (doc.appliedBalance !== 0) totalsRow('Applied balance', money(-doc.appliedBalance));
  if (doc.kind === 'receipt' || doc.amountPaid > 0) totalsRow('Amount paid', money(doc.amountPaid));
  if (doc.kind === 'invoice') totalsRow('Amount due', money(doc.amountRemaining), true);

  if (doc.footer) {
    y += 16;
    pdf.fillColor(MUTED).font('Helvetica').fontSize(9).text(safe(doc.footer), left, y, { width });
  }
  pdf
    .fillColor(MUTED)
    .fontSize(8)
    .text(
      `${doc.number ?? 'Draft'} · ${money(doc.kind === 'receipt' ? doc.amountPaid : doc.kind === 'credit_note' ? doc.total : doc.amountRemaining)} ${
        doc.kind === 'receipt' ? 'paid' : doc.kind === 'credit_note' ? 'credited' : 'due'
      } · Generated by the Seikyu Stripe emulator (test mode)`,
      left,
      pdf.page.height - 60,
      { width, align: 'center', lineBreak: false },
    );
  pdf.end();
  return done;
}
