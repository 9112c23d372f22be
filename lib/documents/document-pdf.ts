// The one document renderer: invoices, receipts, credit notes and quotes share one layout, drawn with pdfkit from a
// plain DocumentModel (document-model.ts). The only outside input is the CJK font file (cjk-font.ts).
//
// Fonts: with a CJK font (PDF_CJK_FONT_PATH or Debian's IPAex Gothic) it is embedded and draws every string, and
// labels, dates and amounts follow the customer's invoice language. Without one, the built-in Helvetica covers
// Latin-1 (WinAnsi) only, so the document is English whatever the language and characters outside WinAnsi
// become "?" rather than garbage. See README.md.
import PDFDocument from 'pdfkit';
import { timeZoneFor, type Locale } from '@/lib/i18n/config';

/** The issuer is a Japanese business: its documents are dated in Japan. */
const DOCUMENT_TIME_ZONE = timeZoneFor.ja;
import { formatMoney, labelled, listed, spanned } from '@/lib/i18n/format';
import { findCjkFont } from './cjk-font';
import { DOCUMENT_LABELS } from './document-labels';
import { describeLine } from '@/lib/billing/invoices/line-description';
import type { DocumentModel, DocumentPaymentMethod } from './document-model';

export type RenderOptions = { cjkFontPath?: string | null };

/** The locale a document is drawn in: the invoice language when the font can draw it, else English. */
export function documentLocale(language: string | null, hasCjkFont: boolean): Locale {
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
    else if (char === '\u2212') out += '-';
    else out += '?';
  }
  return out;
}

export function describePaymentMethod(method: DocumentPaymentMethod | null, locale: Locale = 'en'): string | null {
  if (!method) return null;
  if (method.type === 'bank_transfer') return DOCUMENT_LABELS[locale].bankTransfer;
  if (method.type === 'recorded') {
    const labels = DOCUMENT_LABELS[locale];
    return listed(method.ways.map((way) => (way === 'card' ? labels.card : labels.recordedWays[way])), locale);
  }
  if (!method.last4) return null;
  const brand = method.brand ? brandName(method.brand) : DOCUMENT_LABELS[locale].card;
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
 * "2026年11月20日" in Japanese (as accounting departments write it), "Nov 20, 2026" in English. Both in the
 * issuer's time zone (Japan): a document states the same dates whichever language it is drawn in.
 */
function documentDate(value: Date, locale: Locale): string {
  const style: Intl.DateTimeFormatOptions = locale === 'ja' ? { year: 'numeric', month: 'long', day: 'numeric' } : { dateStyle: 'medium' };
  return new Intl.DateTimeFormat(locale, { ...style, timeZone: DOCUMENT_TIME_ZONE }).format(value);
}

function percent(rate: number): string {
  return `${Number.isInteger(rate) ? rate : rate.toFixed(2).replace(/0+$/, '')}%`;
}

export function renderInvoicePdf(model: DocumentModel, options: RenderOptions = {}): Promise<Buffer> {
  return renderDocumentPdf({ ...model, kind: 'invoice' }, options);
}

export function renderReceiptPdf(model: DocumentModel, options: RenderOptions = {}): Promise<Buffer> {
  return renderDocumentPdf({ ...model, kind: 'receipt' }, options);
}

/** A quote (御見積書 / Quotation): the offer's lines, tax per rate, total and validity, on the same layout. */
export function renderQuotePdf(model: DocumentModel, options: RenderOptions = {}): Promise<Buffer> {
  return renderDocumentPdf({ ...model, kind: 'quote' }, options);
}

/** A credit note: amounts are given as positive numbers (what is credited), on the same layout. */
export function renderCreditNotePdf(model: DocumentModel, options: RenderOptions = {}): Promise<Buffer> {
  return renderDocumentPdf({ ...model, kind: 'credit_note' }, options);
}

const GREY = '#555555';
const RULE = '#c8c8c8';

/**
 * Draws any document. `cjkFontPath` defaults to the font cjk-font.ts finds; pass null to draw without one
 * (English, built-in Helvetica).
 */
export function renderDocumentPdf(model: DocumentModel, options: RenderOptions = {}): Promise<Buffer> {
  const cjkFontPath = options.cjkFontPath === undefined ? findCjkFont() : options.cjkFontPath;
  const locale = documentLocale(model.language, cjkFontPath !== null);
  const labels = DOCUMENT_LABELS[locale];
  const kind = model.kind;
  // Every string drawn goes through `t`: WinAnsi-safe for Helvetica, untouched (bar odd spaces) for the CJK font.
  const t = cjkFontPath ? plainSpaces : toWinAnsi;
  const regular = cjkFontPath ? 'cjk' : 'Helvetica';
  // IPAex Gothic has no bold face; headings stay distinguishable by size and colour.
  const bold = cjkFontPath ? 'cjk' : 'Helvetica-Bold';
  const money = (amount: number) => t(formatMoney(amount, model.currency, locale));
  const date = (value: Date) => t(documentDate(value, locale));
  const accent = model.issuer.brandColor;
  const title = labels.title[kind];
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: t(`${title} ${model.number}`), Author: t(model.issuer.name), Subject: t(`${labels.number[kind]} ${model.number}`) },
    // Text streams uncompressed keeps the document inspectable; documents are small.
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
  const right = left + width;
  const bottom = doc.page.height - doc.page.margins.bottom;

  // Title band: the document's name in the brand colour; the qualified-invoice name only for a registered issuer.
  doc.rect(left, 40, width, 3).fill(accent);
  doc.font(bold).fontSize(22).fillColor('#111111').text(title, left, 56, { width: width / 2 });
  if (model.issuer.registrationNumber && labels.qualifiedTitle[kind]) {
    doc.font(regular).fontSize(9).fillColor(GREY).text(labels.qualifiedTitle[kind], left, 84, { width: width / 2 });
  }

  // Facts top right: number, dates.
  const facts: Array<[string, string]> = [[labels.number[kind], t(model.number)]];
  if (model.invoiceNumber && kind !== 'invoice') facts.push([labels.invoiceNumber, t(model.invoiceNumber)]);
  facts.push([labels.issueDate, date(model.issueDate)]);
  if (model.transactionPeriod) {
    const { start, end } = model.transactionPeriod;
    const same = date(start) === date(end);
    facts.push([labels.transactionDate, same ? date(end) : spanned(date(start), date(end), locale)]);
  }
  if (kind === 'invoice' && model.dueDate) facts.push([labels.dueDate, date(model.dueDate)]);
  if (kind === 'quote' && model.validUntil) facts.push([labels.validUntil, date(model.validUntil)]);
  if (kind === 'receipt' && model.paidAt) facts.push([labels.datePaid, date(model.paidAt)]);
  const method = describePaymentMethod(model.paymentMethod, locale);
  if (kind === 'receipt' && method) facts.push([labels.paymentMethod, t(method)]);
  const factsX = left + width * 0.48;
  let factsY = 58;
  for (const [label, value] of facts) {
    doc.font(regular).fontSize(9).fillColor(GREY).text(label, factsX, factsY, { width: 90 });
    doc.fillColor('#111111').text(value, factsX + 90, factsY, { width: right - factsX - 90, align: 'right' });
    factsY = Math.max(doc.y, factsY + 13);
  }

  // Addressee (left) and issuer (right).
  const blockTop = Math.max(factsY, 104) + 18;
  const addressee = model.addressee;
  const addresseeWidth = factsX - left - 24;
  const addresseeName = addressee.name ? labels.addressee(addressee.name, addressee.isCompany) : '-';
  doc.font(bold).fontSize(14).fillColor('#111111').text(t(addresseeName), left, blockTop, { width: addresseeWidth });
  const nameBottom = doc.y + 2;
  doc.moveTo(left, nameBottom).lineTo(left + addresseeWidth, nameBottom).lineWidth(0.8).strokeColor('#111111').stroke();
  const addresseeLines = [...addressee.addressLines, addressee.email, addressee.taxId ? labels.customerTaxId(addressee.taxId) : null].filter(
    (line): line is string => typeof line === 'string' && line.trim() !== '',
  );
  doc.font(regular).fontSize(9).fillColor(GREY).text(t(addresseeLines.join('\n')), left, nameBottom + 6, { width: addresseeWidth });
  const addresseeBottom = doc.y;

  let issuerY = blockTop;
  if (model.issuer.logo) {
    try {
      doc.image(model.issuer.logo.data, factsX, issuerY, { fit: [140, 40] });
      issuerY += 46;
    } catch {
      // A logo pdfkit cannot read is left out rather than failing the customer's document.
    }
  }
  const issuer = model.issuer;
  doc.font(bold).fontSize(11).fillColor('#111111').text(t(issuer.name), factsX, issuerY, { width: right - factsX });
  const issuerLines = [
    ...issuer.addressLines,
    issuer.phone ? labelled(labels.phone, issuer.phone, locale) : null,
    issuer.registrationNumber ? labelled(labels.registrationNumber, issuer.registrationNumber, locale) : null,
  ].filter((line): line is string => typeof line === 'string' && line.trim() !== '');
  doc.font(regular).fontSize(9).fillColor('#333333').text(t(issuerLines.join('\n')), factsX, doc.y + 2, { width: right - factsX });
  let y = Math.max(addresseeBottom, doc.y) + 22;

  // The headline amount in a box: what is due, received or credited.
  const headline = kind === 'invoice' ? model.amountDue : kind === 'receipt' ? model.amountPaid : model.total;
  const boxWidth = width / 2 + 30;
  doc.rect(left, y, boxWidth, 34).lineWidth(1).strokeColor(accent).stroke();
  doc.font(regular).fontSize(10).fillColor(GREY).text(labels.amountHeadline[kind], left + 10, y + 12, { width: 90 });
  const noteWidth = model.taxes.length > 0 ? 80 : 0;
  doc.font(bold).fontSize(17).fillColor('#111111').text(money(headline), left + 100, y + 8, { width: boxWidth - 110 - noteWidth, align: 'right' });
  if (noteWidth > 0) doc.font(regular).fontSize(9).fillColor(GREY).text(labels.taxIncluded.trim(), left + boxWidth - noteWidth - 6, y + 14, { width: noteWidth, align: 'right' });
  y += 44;
  if (kind === 'receipt') {
    const purpose = model.receiptPurpose ?? labels.defaultReceiptPurpose;
    doc.font(regular).fontSize(10).fillColor('#111111').text(t(`${labels.receiptPurpose} ${purpose}`), left, y, { width: boxWidth });
    doc.text(labels.receivedWithThanks, left, doc.y + 3, { width: boxWidth });
    y = doc.y + 14;
  } else if (kind === 'quote') {
    doc.font(regular).fontSize(10).fillColor('#111111').text(t(model.memo ?? labels.quoteNote), left, y, { width });
    y = doc.y + 14;
  } else if (kind === 'invoice' && model.memo) {
    doc.font(regular).fontSize(10).fillColor('#111111').text(t(labelled(labels.invoiceMemo, model.memo, locale)), left, y, { width });
    y = doc.y + 14;
  } else if (kind === 'credit_note' && (model.memo || model.creditReason)) {
    const reason = model.creditReason ? labels.creditReasons[model.creditReason] : null;
    const stated = reason && model.memo ? (locale === 'ja' ? `${reason}（${model.memo}）` : `${reason} (${model.memo})`) : (reason ?? model.memo);
    doc.font(regular).fontSize(10).fillColor('#111111').text(t(labelled(labels.memo, stated ?? '', locale)), left, y, { width });
    y = doc.y + 14;
  }

  // Lines.
  const hasTax = model.taxes.length > 0;
  const amountX = right - 100;
  const rateX = hasTax ? amountX - 50 : amountX;
  const qtyX = rateX - 50;
  const descWidth = qtyX - left - 10;
  const header = () => {
    doc.rect(left, y, width, 18).fill('#f2f3f7');
    doc.font(bold).fontSize(9).fillColor(GREY);
    doc.text(labels.description, left + 6, y + 5, { width: descWidth });
    doc.text(labels.quantity, qtyX, y + 5, { width: 44, align: 'right' });
    if (hasTax) doc.text(labels.taxRate, rateX, y + 5, { width: 44, align: 'right' });
    doc.text(labels.amount, amountX, y + 5, { width: 94, align: 'right' });
    y += 24;
  };
  header();
  doc.font(regular).fontSize(10).fillColor('#111111');
  for (const line of model.lines) {
    const text = line.generated ? describeLine({ description: line.description, amount: line.amount, quantity: line.quantity, ...line.generated }, locale, (value) => documentDate(value, locale)) : line.description;
    const description = t(`${text || '-'}${line.reducedRate ? ' ※' : ''}`);
    const height = doc.heightOfString(description, { width: descWidth });
    if (y + height > bottom - 150) {
      doc.addPage();
      y = doc.page.margins.top;
      header();
      doc.font(regular).fontSize(10).fillColor('#111111');
    }
    doc.text(description, left + 6, y, { width: descWidth });
    doc.text(line.quantity === null ? '' : String(line.quantity), qtyX, y, { width: 44, align: 'right' });
    if (hasTax) doc.text(line.taxRatePercent === null ? '' : percent(line.taxRatePercent), rateX, y, { width: 44, align: 'right' });
    doc.text(money(line.amount), amountX, y, { width: 94, align: 'right' });
    y += Math.max(height, 12) + 6;
    doc.moveTo(left, y - 3).lineTo(right, y - 3).lineWidth(0.4).strokeColor(RULE).stroke();
  }
  y += 6;

  // Totals, with the tax broken down per rate (the qualified-invoice requirement).
  const totals: Array<[string, string, boolean]> = [[labels.subtotal, money(model.subtotal), false]];
  if (model.discount !== 0) totals.push([labels.discount, money(-model.discount), false]);
  for (const tax of model.taxes) {
    const rate = percent(tax.ratePercent);
    totals.push([labels.taxableAt(tax.reducedRate ? labels.reducedRate(rate) : rate), money(tax.taxableAmount), false]);
    totals.push([labels.taxAt(rate), money(tax.taxAmount), false]);
  }
  totals.push([labels.total, money(model.total), true]);
  // From the total to what is billed, paid and still owed, so the figures add up: credit notes before payment and
  // the customer's balance lowered what the invoice bills; the receipt's amount is what was paid.
  if (kind === 'invoice' || kind === 'receipt') {
    if (model.creditedBeforePayment !== 0) totals.push([labels.creditedBeforePayment, money(-model.creditedBeforePayment), false]);
    if (model.appliedBalance !== 0) totals.push([labels.appliedBalance, money(-model.appliedBalance), false]);
  }
  const lowered = model.creditedBeforePayment !== 0 || model.appliedBalance !== 0;
  if (kind === 'invoice') {
    if (lowered) totals.push([labels.amountBilled, money(model.amountDue), false]);
    if (model.amountPaid !== 0) totals.push([labels.amountPaid, money(model.amountPaid), false]);
    totals.push([labels.amountDue, money(model.amountRemaining), true]);
  }
  if (kind === 'receipt' && lowered) totals.push([labels.amountHeadline.receipt, money(model.amountPaid), true]);
  if (y + totals.length * 16 > bottom - 60) {
    doc.addPage();
    y = doc.page.margins.top;
  }
  const labelX = amountX - 170;
  for (const [label, value, strong] of totals) {
    doc.font(strong ? bold : regular).fontSize(strong ? 11 : 10).fillColor('#111111');
    doc.text(label, labelX, y, { width: 170 });
    doc.text(value, amountX, y, { width: 94, align: 'right' });
    // A label that wraps ("Subject to 8% reduced-rate tax (excl. tax)") takes the lines it needs, not the next row's.
    y += Math.max(strong ? 18 : 15, doc.heightOfString(label, { width: 170 }) + 3);
  }
  if (model.lines.some((line) => line.reducedRate)) {
    doc.font(regular).fontSize(8).fillColor(GREY).text(labels.reducedRateNote, left, y + 4, { width });
    y = doc.y;
  }

  // Footer: the operator's invoice footer and, for bank-transfer invoices, the bank account details.
  const footer = [model.footer, labels.currencyNote(model.currency.toUpperCase())].filter((part): part is string => !!part && part.trim() !== '').join('\n\n');
  const footerHeight = doc.font(regular).fontSize(8).heightOfString(t(footer), { width });
  if (y + 24 + footerHeight > bottom) {
    doc.addPage();
    y = doc.page.margins.top;
  }
  doc.moveTo(left, y + 16).lineTo(right, y + 16).lineWidth(0.4).strokeColor(RULE).stroke();
  doc.font(regular).fontSize(8).fillColor('#444444').text(t(footer), left, y + 24, { width });
  doc.end();
  return done;
}
