// The one renderer, read back with pdftotext: each item the qualified-invoice rules (and the English layout)
// require must be on the page.
import { describe, expect, it } from 'vitest';
import { ipaexGothic, pdfText } from '@/test/pdf-text';
import { findCjkFont, IPAEX_GOTHIC_PATH } from './cjk-font';
import { englishInvoiceModel, japaneseInvoiceModel } from './document-fixtures';
import type { DocumentModel } from './document-model';
import { describePaymentMethod, documentLocale, renderCreditNotePdf, renderInvoicePdf, renderReceiptPdf, toWinAnsi } from './document-pdf';

describe('a Japanese invoice (適格請求書)', () => {
  it('carries every item of a qualified invoice: issuer, registration number, addressee 御中, dates, ※ lines, tax per rate', async () => {
    const text = pdfText(await renderInvoicePdf(japaneseInvoiceModel, ipaexGothic()));
    expect(text).toContain('請求書');
    expect(text).toContain('適格請求書');
    expect(text).toContain('株式会社セイキュー');
    expect(text).toContain('東京都渋谷区渋谷1-2-3');
    expect(text).toContain('登録番号：T1234567890123');
    expect(text).toContain('TEL：03-1234-5678');
    expect(text).toContain('株式会社デモ 御中');
    expect(text).toMatch(/請求書番号 SEIKYU-0042/);
    expect(text).toMatch(/発行日 2026年11月30日/);
    expect(text).toMatch(/取引年月日 2026年11月1日〜2026年11月30日/);
    expect(text).toMatch(/支払期限 2026年12月31日/);
    expect(text).toContain('お弁当（会議用） ※');
    expect(text).not.toContain('スタンダードプラン（2026年11月分） ※');
    // 30,000 + 4,500 at 10 % → ¥3,450; 5,400 at 8 % → ¥432. Intl's Japanese yen sign is the full-width ￥.
    expect(text).toMatch(/10%対象（税抜） ￥34,500/);
    expect(text).toMatch(/消費税（10%） ￥3,450/);
    expect(text).toMatch(/8%（軽減税率）対象（税抜） ￥5,400/);
    expect(text).toMatch(/消費税（8%） ￥432/);
    expect(text).toMatch(/合計 ￥43,782/);
    expect(text).toMatch(/ご請求金額 ￥43,782 （税込）/);
    expect(text).toContain('※ 軽減税率対象');
    expect(text).toContain('振込先: みずほ銀行 渋谷支店 普通 1234567');
    expect(text).not.toContain('Invoice');
    expect(text).not.toContain('?');
  });

  it('addresses a person 様, and leaves out the qualified-invoice name when the issuer is not registered', async () => {
    const text = pdfText(
      await renderInvoicePdf(
        { ...japaneseInvoiceModel, addressee: { ...japaneseInvoiceModel.addressee, name: '山田 太郎', isCompany: false }, issuer: { ...japaneseInvoiceModel.issuer, registrationNumber: null } },
        ipaexGothic(),
      ),
    );
    expect(text).toContain('山田 太郎 様');
    expect(text).not.toContain('御中');
    expect(text).not.toContain('適格請求書');
    expect(text).not.toContain('登録番号');
  });
});

describe('the memo of an invoice (Stripe’s description, printed on Stripe’s PDF too)', () => {
  it('is stated as 備考 on a Japanese invoice and as Memo on an English one, and is absent when there is none', async () => {
    const memo = '11月分の発注書 PO-4711 に基づきご請求いたします。';
    const ja = pdfText(await renderInvoicePdf({ ...japaneseInvoiceModel, memo }, ipaexGothic()));
    expect(ja).toContain(`備考：${memo}`);
    const en = pdfText(await renderInvoicePdf({ ...englishInvoiceModel, memo: 'Per purchase order PO-4711.' }, ipaexGothic()));
    expect(en).toContain('Memo: Per purchase order PO-4711.');
    expect(pdfText(await renderInvoicePdf(japaneseInvoiceModel, ipaexGothic()))).not.toContain('備考');
  });
});

describe('the totals of an invoice a credit note, a balance or a payment lowered', () => {
  // ￥43,782 in all: ￥1,000 credited before payment, ￥782 of the customer's balance applied, ￥12,000 paid.
  const lowered: DocumentModel = { ...japaneseInvoiceModel, creditedBeforePayment: 1_000, appliedBalance: 782, amountDue: 42_000, amountPaid: 12_000, amountRemaining: 30_000 };

  it('go from the total to what is billed, paid and still owed, and add up', async () => {
    const text = pdfText(await renderInvoicePdf(lowered, ipaexGothic()));
    expect(text).toMatch(/合計 ￥43,782/);
    expect(text).toMatch(/合計 ￥43,782 返品・値引 −￥1,000/);
    expect(text).toMatch(/お客様残高からの充当 −￥782/);
    expect(text).toMatch(/お客様残高からの充当 −￥782 ご請求金額 ￥42,000 支払済み金額 ￥12,000 未払残高 ￥30,000/);
  });

  it('on a paid invoice leave nothing owed, and the receipt shows how the total became what was received', async () => {
    const paid = { ...lowered, amountPaid: 42_000, amountRemaining: 0 };
    expect(pdfText(await renderInvoicePdf(paid, ipaexGothic()))).toMatch(/未払残高 ￥0/);
    const text = pdfText(await renderReceiptPdf({ ...paid, kind: 'receipt', number: 'RCPT-SEIKYU-0042' }, ipaexGothic()));
    expect(text).toMatch(/合計 ￥43,782/);
    expect(text).toMatch(/お客様残高からの充当 −￥782/);
    expect(text).toMatch(/お客様残高からの充当 −￥782 領収金額 ￥42,000/);
  });
});

describe('an English invoice', () => {
  it('carries the same facts in an English layout', async () => {
    const text = pdfText(await renderInvoicePdf(englishInvoiceModel, ipaexGothic()));
    expect(text).toContain('Invoice');
    expect(text).toContain('Qualified invoice (Japan)');
    expect(text).toContain('Seikyu K.K.');
    expect(text).toContain('Registration number: T1234567890123');
    expect(text).toContain('Demo Inc.');
    expect(text).toMatch(/Invoice number SEIKYU-0042/);
    expect(text).toMatch(/Date of issue Nov 30, 2026/);
    expect(text).toMatch(/Transaction date Nov 1, 2026 – Nov 30, 2026/);
    expect(text).toMatch(/Subject to 10% tax \(excl. tax\) ¥34,500/);
    expect(text).toMatch(/Tax \(10%\) ¥3,450/);
    expect(text).toMatch(/Subject to 8% reduced-rate tax \(excl. tax\) ¥5,400/);
    expect(text).toMatch(/Tax \(8%\) ¥432/);
    expect(text).toMatch(/Amount due ¥43,782 \(tax included\)/);
    expect(text).toContain('Boxed lunches (meeting) ※');
    expect(text).toContain('※ Reduced tax rate item');
    expect(text).not.toContain('御中');
    expect(text).not.toContain('請求書');
  });
});

describe('the lines Stripe writes', () => {
  // A plan change's invoice as Stripe writes it: every line in English, whatever the customer reads.
  const team = { productName: 'Team', productMetadata: { name_ja: 'チーム' }, priceNickname: 'Team (monthly, per seat)', priceMetadata: { nickname_ja: 'チーム（月払い、1席あたり）' } };
  const changedOn = new Date('2026-12-07T03:00:00Z');
  const planChange: DocumentModel = {
    ...japaneseInvoiceModel,
    lines: [
      { description: 'Unused time on Starter after 7 Dec 2026', generated: { origin: 'proration', catalog: { productName: 'Starter', productMetadata: { name_ja: 'スターター' }, priceNickname: null, priceMetadata: {} }, periodStart: changedOn }, quantity: 1, amount: -1_000, taxRatePercent: 10, reducedRate: false },
      { description: 'Remaining time on 5 × Team after 7 Dec 2026', generated: { origin: 'proration', catalog: team, periodStart: changedOn }, quantity: 5, amount: 4_500, taxRatePercent: 10, reducedRate: false },
      { description: '5 × Team (at ¥1,200 / month)', generated: { origin: 'subscription', catalog: team, periodStart: changedOn }, quantity: 5, amount: 6_000, taxRatePercent: 10, reducedRate: false },
      { description: 'オンサイト研修（半日）', quantity: 1, amount: 30_000, taxRatePercent: 10, reducedRate: false },
      // A quote's one-off item: Stripe names it by its product, in English.
      { description: 'Exam course', generated: { origin: 'written', catalog: { productName: 'Exam course', productMetadata: { name_ja: '検査コース' }, priceNickname: null, priceMetadata: {} }, periodStart: null }, quantity: 2, amount: 19_600, taxRatePercent: 10, reducedRate: false },
    ],
  };

  it('are described in Japanese on a Japanese document, from the catalogue; a written line stays as written', async () => {
    const text = pdfText(await renderInvoicePdf(planChange, ipaexGothic()));
    expect(text).toContain('未使用分（2026年12月7日以降）：スターター');
    // A long line wraps where the column ends, anywhere in Japanese: compare without the break.
    expect(text.replace(/ /g, '')).toContain('残り期間分（2026年12月7日以降）：チーム（月払い、1席あたり）');
    expect(text).toMatch(/チーム（月払い、1席あたり） 5 10% ￥6,000/);
    expect(text).toContain('オンサイト研修（半日）');
    expect(text).toMatch(/検査コース 2 10% ￥19,600/);
    expect(text).not.toMatch(/Unused time|Remaining time|at ¥1,200|Exam course/);
  });

  it('name them by their price on an English document too, the quantity in its column', async () => {
    const text = pdfText(await renderInvoicePdf({ ...planChange, language: 'en' }, ipaexGothic()));
    expect(text).toContain('Unused time on Starter from Dec 7, 2026 1 10% −¥1,000');
    expect(text).toMatch(/Remaining time on Team \(monthly, per seat\) from Dec 7, 2026 5 10% ¥4,500 Team \(monthly, per seat\) 5 10% ¥6,000/);
    expect(text).not.toMatch(/at ¥1,200|after 7 Dec 2026/);
    expect(text).not.toContain('未使用分');
  });
});

const receipt: DocumentModel = {
  ...japaneseInvoiceModel,
  kind: 'receipt',
  number: 'RCPT-SEIKYU-0042',
  paidAt: new Date('2026-12-01T03:00:00Z'),
  amountPaid: japaneseInvoiceModel.total,
  amountDue: 0,
  paymentMethod: { type: 'card', brand: 'visa', last4: '4242' },
  footer: null,
};

describe('a Japanese receipt (適格簡易請求書)', () => {
  it('has the amount received, 但し書き, the payment method, the date paid and the tax per rate', async () => {
    const text = pdfText(await renderReceiptPdf(receipt, ipaexGothic()));
    expect(text).toContain('領収書');
    expect(text).toContain('適格簡易請求書');
    expect(text).toMatch(/領収書番号 RCPT-SEIKYU-0042/);
    expect(text).toMatch(/請求書番号 SEIKYU-0042/);
    expect(text).toMatch(/領収日 2026年12月1日/);
    expect(text).toMatch(/支払方法 Visa •••• 4242/);
    expect(text).toMatch(/領収金額 ￥43,782 （税込）/);
    expect(text).toContain('但し ご利用料金として');
    expect(text).toContain('上記正に領収いたしました。');
    expect(text).toContain('株式会社デモ 御中');
    expect(text).toContain('登録番号：T1234567890123');
    expect(text).toMatch(/消費税（10%） ￥3,450/);
    expect(text).toMatch(/消費税（8%） ￥432/);
  });

  it('prints a given 但し書き and "bank transfer" for a transfer', async () => {
    const text = pdfText(await renderReceiptPdf({ ...receipt, receiptPurpose: '年間ライセンス料として', paymentMethod: { type: 'bank_transfer' } }, ipaexGothic()));
    expect(text).toContain('但し 年間ライセンス料として');
    expect(text).toMatch(/支払方法 銀行振込/);
  });
});

describe('a credit note', () => {
  it('is drawn by the same renderer: title, its number, the invoice it credits, the reason and the tax per rate', async () => {
    const creditNote: DocumentModel = {
      ...japaneseInvoiceModel,
      number: 'SEIKYU-0042-CN-01',
      lines: [{ description: '追加シート（返金）', quantity: 1, amount: 1_500, taxRatePercent: 10, reducedRate: false }],
      subtotal: 1_500,
      taxes: [{ ratePercent: 10, reducedRate: false, taxableAmount: 1_500, taxAmount: 150 }],
      total: 1_650,
      memo: 'シート数の誤り',
      footer: null,
    };
    const text = pdfText(await renderCreditNotePdf(creditNote, ipaexGothic()));
    expect(text).toContain('返品・値引明細書');
    expect(text).toContain('適格返還請求書');
    expect(text).toMatch(/明細書番号 SEIKYU-0042-CN-01/);
    expect(text).toMatch(/請求書番号 SEIKYU-0042/);
    expect(text).toMatch(/返品・値引額 ￥1,650 （税込）/);
    expect(text).toContain('理由：シート数の誤り');
    expect(text).toMatch(/消費税（10%） ￥150/);
    expect(text).toContain('登録番号：T1234567890123');

    const english = pdfText(await renderCreditNotePdf({ ...creditNote, language: 'en', memo: 'Wrong seat count' }, ipaexGothic()));
    expect(english).toContain('Credit note');
    expect(english).toMatch(/Amount credited ¥1,650/);
    expect(english).toContain('Reason: Wrong seat count');
  });
});

describe('without a CJK font', () => {
  const noFont = { cjkFontPath: null };
  it('draws English with Helvetica and replaces what it cannot draw instead of emitting garbage', async () => {
    const bytes = await renderInvoicePdf(japaneseInvoiceModel, noFont);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain('Invoice');
    expect(text).toMatch(/Amount due ¥43,782/);
    expect(text).toContain('Registration number: T1234567890123');
    expect(toWinAnsi('株式会社 Acme – café')).toBe('???? Acme – café');
    expect(toWinAnsi('Discount −$2.50')).toBe('Discount -$2.50');
  });

  it('formats two-decimal currencies', async () => {
    const usd: DocumentModel = { ...englishInvoiceModel, currency: 'usd', lines: [{ description: 'Plan', quantity: 1, amount: 1234, taxRatePercent: null, reducedRate: false }], subtotal: 1234, taxes: [], total: 1234, amountDue: 1234 };
    const text = pdfText(await renderInvoicePdf(usd, noFont));
    expect(text).toMatch(/Amount due \$12\.34/);
    expect(text).not.toContain('tax included');
  });
});

describe('fonts and values', () => {
  it('uses IPAex Gothic by default when installed', async () => {
    ipaexGothic();
    expect(findCjkFont(undefined)).toBe(IPAEX_GOTHIC_PATH);
    expect(pdfText(await renderInvoicePdf(japaneseInvoiceModel))).toContain('株式会社デモ');
  });

  it('refuses a configured font path that does not exist', () => {
    expect(findCjkFont('/etc/hostname', '/nonexistent.ttf')).toBe('/etc/hostname');
    expect(findCjkFont(undefined, '/nonexistent.ttf')).toBeNull();
    expect(() => findCjkFont('/nonexistent/font.ttf')).toThrow(/PDF_CJK_FONT_PATH points to \/nonexistent\/font.ttf/);
  });

  it('draws Japanese only when the font can draw it', () => {
    expect(documentLocale('ja', true)).toBe('ja');
    expect(documentLocale('ja', false)).toBe('en');
    expect(documentLocale('en', true)).toBe('en');
    expect(documentLocale(null, true)).toBe('en');
  });

  it('names the card by brand and last four digits, a transfer as such', () => {
    expect(describePaymentMethod({ type: 'card', brand: 'mastercard', last4: '4444' })).toBe('Mastercard •••• 4444');
    expect(describePaymentMethod({ type: 'card', brand: null, last4: '1111' }, 'ja')).toBe('カード •••• 1111');
    expect(describePaymentMethod({ type: 'card', brand: 'visa', last4: null })).toBeNull();
    expect(describePaymentMethod({ type: 'bank_transfer' }, 'ja')).toBe('銀行振込');
  });
});
