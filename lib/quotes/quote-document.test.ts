// The quote document (御見積書 / Quotation), built from a mirrored quote and read back with pdftotext.
import { describe, expect, it } from 'vitest';
import { ipaexGothic, pdfText } from '@/test/pdf-text';
import { renderQuotePdf } from '@/lib/documents/document-pdf';
import { englishQuoteModel, japaneseQuoteModel } from './quote-document-fixtures';

describe('the quote document', () => {
  it('in Japanese: 御見積書, issuer with registration number, addressee 御中, validity, lines, tax per rate, total', async () => {
    const text = pdfText(await renderQuotePdf(japaneseQuoteModel, ipaexGothic()));
    expect(text).toContain('御見積書');
    // A quote is not a qualified invoice: the 適格請求書 name is not printed under the title.
    expect(text).not.toContain('適格請求書');
    expect(text).toContain('見積番号 QT-2026-0007');
    expect(text).toContain('有効期限 2026年12月31日');
    expect(text).toContain('株式会社サンプル商事 御中');
    expect(text).toContain('株式会社セイキュー');
    expect(text).toContain('登録番号：T1234567890123');
    // Stripe names the lines 'Team' and 'Onboarding course'; the catalogue's Japanese names stand in for them.
    expect(text).toContain('チーム（月額）');
    expect(text).toContain('導入研修コース');
    expect(text).not.toContain('Team');
    expect(text).toMatch(/御見積金額 ￥76,780/);
    expect(text).toContain('10%対象（税抜） ￥69,800');
    expect(text).toContain('消費税（10%） ￥6,980');
    expect(text).toContain('合計 ￥76,780');
    expect(text).toContain('お支払い条件: 請求書発行後30日以内に銀行振込');
    expect(text).not.toContain('未払残高');
  });

  it('in English: Quotation with the same facts', async () => {
    const text = pdfText(await renderQuotePdf(englishQuoteModel, ipaexGothic()));
    expect(text).toContain('Quotation');
    expect(text).toContain('Quote number QT-2026-0007');
    expect(text).toContain('Valid until Dec 31, 2026');
    expect(text).toContain('Sample Trading Co.');
    expect(text).toContain('Registration number: T1234567890123');
    expect(text).toContain('Team (per month)');
    expect(text).toContain('Onboarding course');
    expect(text).toMatch(/Quoted amount ¥76,780/);
    expect(text).toContain('Tax (10%) ¥6,980');
    expect(text).toContain('Total ¥76,780');
    expect(text).not.toContain('Amount due');
  });
});
