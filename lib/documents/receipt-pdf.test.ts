import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { receiptDocumentFrom, receiptNumberFor } from './receipt-document';
import { findCjkFont, IPAEX_GOTHIC_PATH } from './cjk-font';
import { describePaymentMethod, receiptLocale, renderReceiptPdf, toWinAnsi, type ReceiptDocument } from './receipt-pdf';

const receipt: ReceiptDocument = {
  receiptNumber: 'RCPT-ABCD-0007',
  invoiceNumber: 'ABCD-0007',
  currency: 'jpy',
  amountPaid: 33_000,
  subtotal: 33_000,
  total: 33_000,
  paidAt: new Date('2026-11-20T10:00:00Z'),
  paymentMethod: { brand: 'visa', last4: '4242' },
  issuer: 'Seikyu',
  billedTo: { name: 'Acme Ltd', email: 'billing@acme.test', addressLines: ['1-2-3 Shibuya', '150-0002 Tokyo', 'JP'], taxId: 'T1234567890123' },
  lines: [
    { description: 'Onboarding workshop', quantity: 1, amount: 30_000 },
    { description: 'Extra seat', quantity: 2, amount: 3_000 },
  ],
  language: 'ja',
};

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'receipt-'));
  const file = join(dir, 'receipt.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** The fallback when no CJK font is configured or installed: English, built-in Helvetica. */
const noFont = { cjkFontPath: null };

describe('renderReceiptPdf without a CJK font', () => {
  it('is a PDF with the receipt and invoice numbers, the amount paid in the invoice currency, the card and who was billed', async () => {
    const bytes = await renderReceiptPdf(receipt, noFont);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain('Receipt');
    expect(text).toContain('RCPT-ABCD-0007');
    expect(text).toContain('ABCD-0007');
    expect(text).toMatch(/¥33,000 paid on Nov 20, 2026/);
    expect(text).toContain('¥30,000');
    expect(text).toContain('Visa •••• 4242');
    expect(text).toContain('Acme Ltd');
    expect(text).toContain('T1234567890123');
    expect(text).toContain('Onboarding workshop');
  });

  it('formats two-decimal currencies and leaves out an unknown card', async () => {
    const text = pdfText(await renderReceiptPdf({ ...receipt, currency: 'usd', amountPaid: 1234, subtotal: 1234, total: 1234, lines: [{ description: 'Plan', quantity: 1, amount: 1234 }], paymentMethod: null }, noFont));
    expect(text).toContain('$12.34 paid on');
    expect(text).not.toContain('Payment method');
  });

  it('replaces characters the built-in font cannot draw instead of emitting garbage', async () => {
    expect(toWinAnsi('株式会社 Acme – café')).toBe('???? Acme – café');
    const text = pdfText(await renderReceiptPdf({ ...receipt, billedTo: { ...receipt.billedTo, name: '株式会社アクメ' } }, noFont));
    expect(text).toContain('???????');
  });
});

describe('renderReceiptPdf with IPAex Gothic', () => {
  function ipaexGothic(): string {
    if (!existsSync(IPAEX_GOTHIC_PATH)) {
      throw new Error(`IPAex Gothic is not installed at ${IPAEX_GOTHIC_PATH}: run apt-get install -y fonts-ipaexfont-gothic (.ci/run does)`);
    }
    return IPAEX_GOTHIC_PATH;
  }
  const japanese: ReceiptDocument = {
    ...receipt,
    issuer: '株式会社セイキュー',
    billedTo: { ...receipt.billedTo, name: '株式会社デモ', addressLines: ['渋谷区渋谷1-2-3', '150-0002 東京都', 'JP'] },
    lines: [{ description: '導入ワークショップ', quantity: 1, amount: 30_000 }, { description: '追加シート', quantity: 2, amount: 3_000 }],
  };

  it('draws a Japanese customer\'s receipt in Japanese: labels, company name, yen amounts and the date in Tokyo', async () => {
    const text = pdfText(await renderReceiptPdf(japanese, { cjkFontPath: ipaexGothic() }));
    expect(text).toContain('領収書');
    expect(text).toContain('領収書番号');
    expect(text).toContain('支払日');
    expect(text).toContain('請求先');
    expect(text).toContain('お支払金額');
    expect(text).toContain('株式会社デモ');
    expect(text).toContain('株式会社セイキュー');
    expect(text).toContain('導入ワークショップ');
    expect(text).toContain('登録番号: T1234567890123');
    // Intl's Japanese yen sign is the full-width ￥.
    expect(text).toContain('￥33,000（2026/11/20 支払済み）');
    expect(text).toContain('￥30,000');
    expect(text).toContain('RCPT-ABCD-0007');
    expect(text).not.toContain('Receipt number');
    expect(text).not.toContain('?');
  });

  it('keeps English labels for an English-language customer but still draws a Japanese company name', async () => {
    const text = pdfText(await renderReceiptPdf({ ...japanese, language: 'en' }, { cjkFontPath: ipaexGothic() }));
    expect(text).toContain('Receipt number');
    expect(text).toMatch(/¥33,000 paid on Nov 20, 2026/);
    expect(text).toContain('株式会社デモ');
    expect(text).not.toContain('領収書');
  });

  it('is used by default when installed', async () => {
    ipaexGothic();
    expect(findCjkFont(undefined)).toBe(IPAEX_GOTHIC_PATH);
    expect(pdfText(await renderReceiptPdf(japanese))).toContain('株式会社デモ');
  });
});

describe('findCjkFont', () => {
  it('prefers the configured path, falls back to IPAex Gothic, else none', () => {
    expect(findCjkFont('/etc/hostname', '/nonexistent.ttf')).toBe('/etc/hostname');
    expect(findCjkFont(undefined, '/etc/hostname')).toBe('/etc/hostname');
    expect(findCjkFont(undefined, '/nonexistent.ttf')).toBeNull();
  });

  it('refuses a configured path that does not exist instead of silently printing "?"', () => {
    expect(() => findCjkFont('/nonexistent/font.ttf')).toThrow(/PDF_CJK_FONT_PATH points to \/nonexistent\/font.ttf/);
  });

  it('draws Japanese only when the font can draw it', () => {
    expect(receiptLocale('ja', true)).toBe('ja');
    expect(receiptLocale('ja', false)).toBe('en');
    expect(receiptLocale('en', true)).toBe('en');
    expect(receiptLocale(null, true)).toBe('en');
  });
});

describe('receipt values', () => {
  it('names the card by brand and last four digits', () => {
    expect(describePaymentMethod({ brand: 'mastercard', last4: '4444' })).toBe('Mastercard •••• 4444');
    expect(describePaymentMethod({ brand: null, last4: '1111' })).toBe('Card •••• 1111');
    expect(describePaymentMethod({ brand: 'visa', last4: null })).toBeNull();
  });

  it('takes the receipt number from the invoice number, falling back to the id', () => {
    expect(receiptNumberFor({ id: 'in_1', number: 'ABCD-0001' })).toBe('RCPT-ABCD-0001');
    expect(receiptNumberFor({ id: 'in_1', number: null })).toBe('RCPT-in_1');
  });

  it('builds the billed-to block from the billing details and the paid date from the invoice', () => {
    const paidAt = new Date('2026-11-01T00:00:00Z');
    const document = receiptDocumentFrom({
      invoice: { id: 'in_1', number: 'X-1', currency: 'jpy', subtotal: 500, total: 500, amountPaid: 500, paidAt, finalizedAt: null, stripeCreated: new Date(0), data: { account_name: 'Operator KK' } },
      lines: [{ description: null, quantity: null, amount: 500 }],
      billing: {
        companyName: 'Acme', billingEmail: 'a@acme.test',
        address: { line1: '1 Main St', line2: null, city: 'Tokyo', state: null, postalCode: '100-0001', country: 'JP' },
        taxId: { type: 'jp_cn', value: '123' }, invoiceLanguage: 'ja',
      },
      paymentMethod: null,
    });
    expect(document.issuer).toBe('Operator KK');
    expect(document.paidAt).toBe(paidAt);
    expect(document.billedTo).toEqual({ name: 'Acme', email: 'a@acme.test', addressLines: ['1 Main St', '100-0001 Tokyo', 'JP'], taxId: '123' });
    expect(document.lines).toEqual([{ description: '', quantity: null, amount: 500 }]);
    expect(document.language).toBe('ja');
  });
});
