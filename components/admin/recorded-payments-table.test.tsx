// The invoice page's payments at phone width: the amount is a column of its own that is never hidden, and what is
// hidden on a phone (method, reference, status) is said under the date instead, so nothing is lost at 390 px.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { InvoicePaymentRecord } from '@/db/queries/invoice-adjustments';
import { RecordedPaymentsTable } from './recorded-payments-table';

vi.mock('@/lib/i18n/server', async () => {
  const { createTranslator } = await import('next-intl');
  const ja = (await import('@/messages/ja.json')).default;
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: 'ja', messages: ja, namespace: namespace as never }) };
});

const transfer = {
  id: 'inpay_1',
  type: 'payment_record',
  status: 'paid',
  currency: 'jpy',
  amountRequested: 2_600,
  amountPaid: 2_600,
  methodLabel: 'Bank transfer',
  reference: 'MIZUHO-0001',
  receivedAt: new Date('2026-12-07T12:00:00Z'),
  paidAt: null,
  data: { record: { metadata: { method: 'bank_transfer' } } },
} as unknown as InvoicePaymentRecord;

describe('RecordedPaymentsTable', () => {
  it('keeps the amount on a phone and puts method, status and reference under the date', async () => {
    const html = renderToStaticMarkup(await RecordedPaymentsTable({ payments: [transfer], money: (n) => `￥${n.toLocaleString('en')}`, date: () => '2026/12/07' }));
    const cells = [...html.matchAll(/<td([^>]*)>/g)].map((m) => m[1]!);
    expect(cells).toHaveLength(5);
    // Visible at every width: the date (with the details under it) and the amount.
    const visible = cells.map((attrs, i) => [i, attrs]).filter(([, attrs]) => !/\bhidden\b/.test(attrs as string)).map(([i]) => i);
    expect(visible).toEqual([0, 4]);
    expect(html).toMatch(/data-testid="recorded-payment-amount">￥2,600</);
    expect(html).toMatch(/<span class="[^"]*sm:hidden"[^>]*>銀行振込 · 入金済み<span[^>]*>MIZUHO-0001<\/span><\/span>/);
  });

  it('lists what paid the invoice when no mirrored payment shows it: a paid card invoice never reads "no payments"', async () => {
    const money = (n: number) => `￥${n.toLocaleString('en')}`;
    const html = renderToStaticMarkup(
      await RecordedPaymentsTable({ payments: [], unlisted: [{ method: 'card', amount: 6_300, paidAt: new Date('2026-12-07T03:00:00Z') }], money, date: () => '2026/12/07' }),
    );
    expect(html).not.toContain('まだ入金がありません');
    expect(html).toMatch(/data-testid="recorded-payment-amount">￥6,300</);
    expect(html).toContain('カード（Stripe） · 入金済み');
    const outside = renderToStaticMarkup(
      await RecordedPaymentsTable({ payments: [], unlisted: [{ method: 'outside_stripe', amount: 12_000, paidAt: null }], money, date: () => '' }),
    );
    expect(outside).toContain('Stripe 外で支払済みに変更 · 入金済み');
    expect(renderToStaticMarkup(await RecordedPaymentsTable({ payments: [], unlisted: [], money, date: () => '' }))).toContain('この請求書にはまだ入金がありません。');
  });
});
