// The totals after an invoice's total add up once a credit note is issued: 合計 ￥22,600, 返品・値引 −￥1,000,
// 支払済み ￥2,600, then the ￥19,000 that remains; a credit after payment comes after what was paid.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { formatMoney } from '@/lib/i18n/format';
import { InvoiceSettlementTotals } from './invoice-settlement-totals';

vi.mock('@/lib/i18n/server', async () => {
  const { createTranslator } = await import('next-intl');
  const ja = (await import('@/messages/ja.json')).default;
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: 'ja', messages: ja, namespace: namespace as never }) };
});

const money = (amount: number) => formatMoney(amount, 'jpy', 'ja');
const rows = async (invoice: Parameters<typeof InvoiceSettlementTotals>[0]['invoice']) =>
  [...renderToStaticMarkup(await InvoiceSettlementTotals({ invoice, money, remainingLabel: '未払い残高' })).matchAll(/<d[td][^>]*>([^<]*)<\/d[td]>/g)].map((m) => m[1]);

describe('InvoiceSettlementTotals', () => {
  it('shows a credit note issued before payment between the total and what was paid, so the remainder follows', async () => {
    const invoice = { status: 'open', amountPaid: 2_600, amountRemaining: 19_000, data: { pre_payment_credit_notes_amount: 1_000, post_payment_credit_notes_amount: 0 } };
    expect(await rows(invoice)).toEqual(['返品・値引', '−￥1,000', '支払済み', '￥2,600', '未払い残高', '￥19,000']);
  });

  it('shows a credit note issued after payment after what was paid, and nothing remaining on a paid invoice', async () => {
    const invoice = { status: 'paid', amountPaid: 22_600, amountRemaining: 0, data: { pre_payment_credit_notes_amount: 0, post_payment_credit_notes_amount: 2_000 } };
    expect(await rows(invoice)).toEqual(['支払済み', '￥22,600', '支払後の返品・値引', '−￥2,000']);
  });

  it('shows the customer balance Stripe applied, so a paid ￥3,000 invoice paid with ￥2,000 adds up', async () => {
    const invoice = { status: 'paid', amountPaid: 2_000, amountRemaining: 0, data: { total: 3_000, amount_due: 2_000, pre_payment_credit_notes_amount: 0 } };
    expect(await rows(invoice)).toEqual(['残高から充当', '−￥1,000', '支払済み', '￥2,000']);
  });

  it('shows no credit line without credit notes', async () => {
    const invoice = { status: 'open', amountPaid: 0, amountRemaining: 22_600, data: {} };
    expect(await rows(invoice)).toEqual(['未払い残高', '￥22,600']);
  });
});
