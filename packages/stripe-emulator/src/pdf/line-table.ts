// The lines table every emulator document draws (invoices, receipts, credit notes, quotes): the column header,
// one row per line with an optional muted sub-line (a service period, "per month") and a rule beneath it, and
// the totals rows under the table, their amounts in the amount column.
import type PDFDocument from 'pdfkit';

export const INK = '#1a1f36';
export const MUTED = '#697386';
export const RULE = '#e3e8ee';

/** Helvetica (WinAnsi) cannot draw every script; replace what it cannot draw rather than emit garbage glyphs. */
export function safe(text: string): string {
  return text.replace(/[^\u0020-\u007e\u00a0-\u00ff\u20ac\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u00d7]/g, '?');
}

export type TableRow = { description: string; subline: string | null; quantity: number | null; unitAmount: number | null; amount: number };

/** A table across the page between `left` and `right`; each draw call takes the current y and returns the next. */
export class LineTable {
  readonly width: number;
  readonly col: { desc: number; qty: number; unit: number; amount: number };

  constructor(
    private readonly pdf: InstanceType<typeof PDFDocument>,
    private readonly left: number,
    private readonly right: number,
    private readonly money: (amount: number) => string,
  ) {
    this.width = right - left;
    this.col = { desc: left, qty: left + this.width * 0.58, unit: left + this.width * 0.68, amount: left + this.width * 0.84 };
  }

  header(y: number): number {
    const { pdf, col, width } = this;
    pdf.fillColor(MUTED).font('Helvetica').fontSize(9);
    pdf.text('Description', col.desc, y);
    pdf.text('Qty', col.qty, y, { width: width * 0.08, align: 'right' });
    pdf.text('Unit price', col.unit, y, { width: width * 0.15, align: 'right' });
    pdf.text('Amount', col.amount, y, { width: width * 0.16, align: 'right' });
    y += 14;
    pdf.moveTo(this.left, y).lineTo(this.right, y).strokeColor(RULE).lineWidth(1).stroke();
    return y + 8;
  }

  row(y: number, line: TableRow): number {
    const { pdf, col, width, money } = this;
    pdf.fillColor(INK).font('Helvetica').fontSize(10);
    pdf.text(safe(line.description), col.desc, y, { width: width * 0.56 });
    let rowBottom = pdf.y;
    if (line.subline) {
      pdf.fillColor(MUTED).fontSize(8).text(safe(line.subline), col.desc, rowBottom + 1, { width: width * 0.56 });
      rowBottom = pdf.y;
    }
    pdf.fillColor(INK).fontSize(10);
    pdf.text(line.quantity == null ? '' : String(line.quantity), col.qty, y, { width: width * 0.08, align: 'right' });
    pdf.text(line.unitAmount == null ? '' : money(line.unitAmount), col.unit, y, { width: width * 0.15, align: 'right' });
    pdf.text(money(line.amount), col.amount, y, { width: width * 0.16, align: 'right' });
    y = Math.max(rowBottom, pdf.y) + 8;
    pdf.moveTo(this.left, y - 4).lineTo(this.right, y - 4).strokeColor(RULE).lineWidth(0.5).stroke();
    return y;
  }

  /** A totals row: the label from `labelAt` (a fraction of the width) over `labelWidth`, the value in the amount column. */
  total(y: number, label: string, value: string, options: { bold?: boolean; labelAt: number; labelWidth: number }): number {
    const { pdf, col, width } = this;
    pdf.fillColor(options.bold ? INK : MUTED).font(options.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
    pdf.text(safe(label), this.left + width * options.labelAt, y, { width: width * options.labelWidth });
    pdf.fillColor(INK).text(value, col.amount, y, { width: width * 0.16, align: 'right' });
    return y + 16;
  }
}
