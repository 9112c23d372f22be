// The record-payment form as the page first draws it: the invoice's currency only (the server refuses any other),
// named in the amount's label, and today's date where the organization is, which is also the latest allowed.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import ja from '@/messages/ja.json';
import { fillTemplate } from '@/lib/i18n/fill-template';
import { RecordPaymentForm, type RecordPaymentLabels } from './record-payment-form';

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => {} }) }));
vi.mock('@/lib/actions/admin/record-payment', () => ({ recordPaymentAction: async () => ({}) }));

const m = ja.backOffice.payments;
const labels: RecordPaymentLabels = {
  fullAmountOnly: m.fullAmountOnly,
  amount: fillTemplate(m.amount, { currency: 'JPY' }),
  method: m.method,
  methods: m.methods,
  receivedOn: m.receivedOn,
  reference: m.reference,
  submit: m.submit,
  pending: m.pending,
  confirm: m.confirm,
  recorded: m.recorded,
  badAmount: m.errors.badAmount,
  notPositive: m.errors.notPositive,
  moreThanRemaining: m.errors.moreThanRemaining,
  cancel: ja.backOffice.cancel,
};

describe('RecordPaymentForm', () => {
  it('offers only the invoice’s currency, in the amount’s label, and today in the organization’s zone as the date', () => {
    const html = renderToStaticMarkup(
      <RecordPaymentForm
        invoiceId="in_1"
        currency="jpy"
        attempt="00000000-0000-4000-8000-000000000000"
        today="2026-12-08"
        fullAmountOnly={false}
        remaining="22600"
        remainingAmount={22_600}
        locale="ja"
        labels={labels}
      />,
    );
    expect(html).toContain('入金額（JPY）');
    expect(html).not.toContain('<select id="record-currency"');
    expect(html).not.toMatch(/USD|EUR/);
    expect(html).toMatch(/<input id="record-date" type="date"[^>]*max="2026-12-08"[^>]*value="2026-12-08"/);
  });
});
