// The credit-note form's tax rate: on an invoice taxed at one rate the amount is typed as the invoice charged it and
// the form says so; at several rates the operator picks one (nothing is chosen for them); untaxed, neither.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import ja from '@/messages/ja.json';
import { CreditNoteForm, type CreditNoteLabels } from './credit-note-form';

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => {} }) }));
vi.mock('@/lib/actions/admin/issue-credit-note', () => ({ issueCreditNoteAction: async () => ({}) }));
vi.mock('@/lib/actions/admin/preview-credit-note', () => ({ previewCreditNoteAction: async () => ({}) }));

const m = ja.backOffice.creditNotes;
const labels: CreditNoteLabels = {
  issueLeadOpen: m.issueLeadOpen,
  issueLeadPaid: m.issueLeadPaid,
  by: m.by,
  byAmount: m.byAmount,
  byLines: m.byLines,
  amount: m.amount,
  quantity: m.quantity,
  taxRate: m.taxRate,
  taxRateOption: { inclusive: m.taxRateIncluded, exclusive: m.taxRateAdded },
  amountHint: { inclusive: m.amountIncludesTax, exclusive: m.amountBeforeTax },
  previewTax: { inclusive: m.previewTaxIncluded, exclusive: m.previewTaxAdded },
  reason: m.reason,
  reasons: m.reasons,
  settlement: m.settlement,
  settlements: m.settlements,
  memo: m.memo,
  preview: m.preview,
  previewing: m.previewing,
  previewTotal: m.previewTotal,
  issue: m.issue,
  issuing: m.issuing,
  confirm: m.confirm,
  issued: m.issued,
  badAmount: m.errors.badAmount,
  cancel: ja.backOffice.cancel,
};

const form = (taxRates: { id: string; percentage: number; inclusive: boolean }[]) =>
  renderToStaticMarkup(
    <CreditNoteForm invoiceId="in_1" currency="jpy" attempt="00000000-0000-4000-8000-000000000000" paid={false} paidByCard={false} lines={[]} taxRates={taxRates} locale="ja" labels={labels} />,
  );

describe('CreditNoteForm', () => {
  it('says the amount includes the invoice’s one rate, or has it added', () => {
    expect(form([{ id: 'txr_10', percentage: 10, inclusive: true }])).toContain('請求書と同じく、消費税10%を含む金額（税込）で入力してください。');
    expect(form([{ id: 'txr_10', percentage: 10, inclusive: false }])).toContain('請求書と同じく税抜金額で入力してください。消費税10%が加算されます。');
    expect(form([{ id: 'txr_10', percentage: 10, inclusive: true }])).not.toContain('id="cn-tax-rate"');
  });

  it('asks which rate on an invoice taxed at several, choosing none itself', () => {
    const html = form([
      { id: 'txr_8', percentage: 8, inclusive: false },
      { id: 'txr_10', percentage: 10, inclusive: false },
    ]);
    expect(html).toMatch(/<select id="cn-tax-rate"[^>]*required=""/);
    expect(html).toContain('<option value="txr_8">8%（税抜・消費税を加算）</option>');
    expect(html).toContain('<option value="txr_10">10%（税抜・消費税を加算）</option>');
    expect(html).toMatch(/<option value="" disabled="" selected="">—<\/option>/);
    expect(html).not.toContain('cn-amount-hint');
  });

  it('offers no rate on an untaxed invoice', () => {
    const html = form([]);
    expect(html).not.toContain('cn-tax-rate');
    expect(html).not.toContain('cn-amount-hint');
  });
});
