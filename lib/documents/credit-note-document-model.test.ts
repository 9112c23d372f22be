// A credit note as Seikyu's document (返品・値引明細書 / 適格返還請求書): built from the mirrored note and the invoice
// it credits, then read back with pdftotext.
import { describe, expect, it } from 'vitest';
import { ipaexGothic, pdfText } from '@/test/pdf-text';
import { creditNoteDocumentModelFrom } from './credit-note-document-model';
import { creditNoteFixture, invoiceLines, note, team } from './credit-note-fixtures';
import { renderCreditNotePdf } from './document-pdf';

const model = () => creditNoteDocumentModelFrom(creditNoteFixture);

describe('creditNoteDocumentModelFrom', () => {
  it('states what was credited: the note’s lines, the tax per rate Stripe credited, the invoice and its transaction dates', () => {
    const built = model();
    expect(built).toMatchObject({
      kind: 'credit_note',
      language: 'ja',
      number: 'SEIKYU-0042-CN-01',
      invoiceNumber: 'SEIKYU-0042',
      issueDate: new Date('2026-12-07T03:00:00Z'),
      transactionPeriod: { start: new Date('2026-11-30T00:00:00Z'), end: new Date('2026-12-30T00:00:00Z') },
      subtotal: 1_200,
      total: 1_200,
      taxes: [{ ratePercent: 10, reducedRate: false, taxableAmount: 1_091, taxAmount: 109 }],
      creditReason: 'order_change',
      memo: '1席減',
      addressee: { name: '株式会社デモ', isCompany: true },
    });
    // The credited line is described as its invoice line is: from the catalogue, in the document's language.
    expect(built.lines).toEqual([
      expect.objectContaining({ description: '5 × Team (at ¥1,200 / month)', quantity: 1, amount: 1_200, taxRatePercent: 10, generated: { origin: 'subscription', catalog: team, periodStart: invoiceLines[0]!.periodStart } }),
    ]);
  });

  it('keeps a line written for the credit (an amount credited) as written, without a rate when Stripe gave none', () => {
    const byAmount = { ...note, reason: null, memo: null, data: { ...note.data, total_taxes: [], lines: { data: [{ type: 'custom_line_item', description: 'Credit', quantity: 1, amount: 500, taxes: [], tax_rates: [] }] } } };
    const built = creditNoteDocumentModelFrom({ ...creditNoteFixture, note: byAmount });
    expect(built.lines).toEqual([expect.objectContaining({ description: 'Credit', generated: undefined, taxRatePercent: null })]);
    expect(built.taxes).toEqual([]);
    expect(built.creditReason).toBeNull();
  });

  it('draws a Japanese qualified return invoice: title, registration number, both numbers, reason, lines and tax per rate', async () => {
    const text = pdfText(await renderCreditNotePdf(model(), ipaexGothic()));
    expect(text).toContain('返品・値引明細書');
    expect(text).toContain('適格返還請求書');
    expect(text).toContain('登録番号：T1234567890123');
    expect(text).toMatch(/明細書番号 SEIKYU-0042-CN-01/);
    expect(text).toMatch(/請求書番号 SEIKYU-0042/);
    expect(text).toMatch(/発行日 2026年12月7日/);
    expect(text).toMatch(/取引年月日 2026年11月30日〜2026年12月30日/);
    expect(text).toContain('株式会社デモ 御中');
    expect(text).toContain('理由：注文内容の変更（1席減）');
    expect(text).toMatch(/チーム（月払い、1席あたり） 1 10% ￥1,200/);
    expect(text).toMatch(/10%対象（税抜） ￥1,091/);
    expect(text).toMatch(/消費税（10%） ￥109/);
    expect(text).toMatch(/返品・値引額 ￥1,200/);
    expect(text).not.toContain('Team (at');
  });

  it('draws the same facts in English, the line named by its price as on the invoice', async () => {
    const text = pdfText(await renderCreditNotePdf({ ...model(), language: 'en' }, ipaexGothic()));
    expect(text).toContain('Credit note');
    expect(text).toContain('Reason: Order changed (1席減)');
    expect(text).toMatch(/Team \(monthly, per seat\) 1 10% ¥1,200/);
    expect(text).not.toContain('Team (at');
    expect(text).toMatch(/Amount credited ¥1,200/);
  });
});
