// @vitest-environment jsdom
// The record-payment form as the page first draws it: the invoice's currency only (the server refuses any other),
// named in the amount's label, and today's date where the organization is, which is also the latest allowed. Then
// its confirmation: the sentence says what will be recorded, and only its confirm button records, once.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ja from '@/messages/ja.json';
import { fillTemplate } from '@/lib/i18n/fill-template';
import { RecordPaymentForm, type RecordPaymentLabels } from './record-payment-form';

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => {} }) }));
const recordPayment = vi.hoisted(() => vi.fn(async (_input: Record<string, unknown>) => ({ data: { invoiceId: 'in_1', amountRemaining: 17_600 } })));
vi.mock('@/lib/actions/admin/record-payment', () => ({ recordPaymentAction: recordPayment }));

afterEach(() => {
  cleanup();
  recordPayment.mockClear();
});

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

const form = (
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
  />
);

describe('RecordPaymentForm', () => {
  it('offers only the invoice’s currency, in the amount’s label, and today in the organization’s zone as the date', () => {
    const html = renderToStaticMarkup(form);
    expect(html).toContain('入金額（JPY）');
    expect(html).not.toContain('<select id="record-currency"');
    expect(html).not.toMatch(/USD|EUR/);
    expect(html).toMatch(/<input id="record-date" type="date"[^>]*max="2026-12-08"[^>]*value="2026-12-08"/);
  });

  it('asks with the sentence of what will be recorded, goes back without recording, and records once when confirmed', async () => {
    render(form);
    fireEvent.change(screen.getByLabelText('入金額（JPY）'), { target: { value: '5000' } });
    fireEvent.change(screen.getByLabelText(m.reference), { target: { value: 'MIZUHO-0001' } });
    fireEvent.click(screen.getByRole('button', { name: m.submit }));
    const step = screen.getByRole('alertdialog');
    expect(step.textContent).toContain(fillTemplate(m.confirm, { amount: '￥5,000', method: m.methods.bank_transfer, date: '2026/12/08' }));
    expect(document.activeElement?.textContent).toBe(m.submit);

    fireEvent.keyDown(step, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: m.submit }));
    expect(recordPayment).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: m.submit }));
    fireEvent.click(screen.getByRole('alertdialog').querySelector('button')!);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(fillTemplate(m.recorded, { remaining: '￥17,600' })));
    expect(recordPayment).toHaveBeenCalledTimes(1);
    expect(recordPayment.mock.calls[0]![0]).toEqual({
      invoiceId: 'in_1',
      amount: '5000',
      currency: 'jpy',
      method: 'bank_transfer',
      receivedOn: '2026-12-08',
      reference: 'MIZUHO-0001',
      attempt: '00000000-0000-4000-8000-000000000000',
    });
  });
});
