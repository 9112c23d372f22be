import { describe, expect, it } from 'vitest';
import { renderInvoicePdf, type InvoiceDocument } from './invoice-pdf.js';
import { extractPdfText } from './pdf-text.js';

const base: InvoiceDocument = {
  kind: 'invoice',
  number: 'ABCD1234-0001',
  status: 'open',
  currency: 'jpy',
  issuedAt: Date.parse('2026-03-01T00:00:00Z') / 1000,
  dueAt: Date.parse('2026-03-31T00:00:00Z') / 1000,
  paidAt: null,
  seller: { name: 'Seikyu Demo K.K.', email: 'billing@example.com', addressLines: ['1-2-3 Chiyoda', 'Tokyo'] },
  billTo: { name: 'Acme Devices', email: 'ap@acme.test', addressLines: ['Osaka'] },
  lines: [
    { description: 'Team plan', period: { start: 1772323200, end: 1775001600 }, quantity: 3, unitAmount: 3000, amount: 9000 },
    { description: 'Unused time on Starter after 15 Mar 2026', period: null, quantity: 1, unitAmount: null, amount: -500 },
  ],
  subtotal: 8500,
  discounts: [{ label: 'Welcome (10% off)', amount: 850 }],
  total: 7650,
  amountPaid: 0,
  amountDue: 7650,
  amountRemaining: 7650,
  appliedBalance: 0,
  memo: null,
  footer: 'Bank transfer: Mizuho Bank, account 1234567',
  customFields: [{ name: 'PO number', value: 'PO-77' }],
  paymentUrl: 'http://127.0.0.1:12111/_emulator/invoices/in_1/hosted',
  paymentMethodLabel: null,
};

describe('renderInvoicePdf', () => {
  it('produces a PDF carrying the number, the yen total and the lines', async () => {
    const bytes = await renderInvoicePdf(base);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = extractPdfText(bytes);
    expect(text).toContain('ABCD1234-0001');
    expect(text).toContain('7,650');
    expect(text).toContain('Team plan');
    expect(text).toContain('PO-77');
    expect(bytes.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('renders a receipt and survives text Helvetica cannot draw', async () => {
    const bytes = await renderInvoicePdf({ ...base, kind: 'receipt', status: 'paid', paidAt: base.dueAt, amountPaid: 7650, amountRemaining: 0, billTo: { ...base.billTo, name: '株式会社アクメ' } });
    const text = extractPdfText(bytes);
    expect(text).toContain('Receipt');
    expect(text).toContain('???????');
    expect(text).toContain('ABCD1234-0001-R');
  });
});
