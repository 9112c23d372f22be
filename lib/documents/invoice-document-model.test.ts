import { describe, expect, it } from 'vitest';
import { brandingSettingsSchema } from '@/lib/branding/settings';
import { roundMinor, taxesByRate } from './document-model';
import { taxRatePercentOf } from '@/lib/billing/tax/tax-lines';
import { invoiceDocumentModelFrom, receiptNumberFor } from './invoice-document-model';
import { japaneseCompanyBilling } from './document-fixtures';

const branding = brandingSettingsSchema.parse({
  companyName: '株式会社セイキュー',
  companyAddress: '〒150-0002\n東京都渋谷区渋谷1-2-3',
  registrationNumber: 'T1234567890123',
  supportPhone: '03-1234-5678',
  showSupportPhone: false,
  invoiceFooter: 'いつもありがとうございます。',
  bankDetails: 'みずほ銀行 渋谷支店 普通 1234567',
});

const billing = japaneseCompanyBilling;

const taxOf = (rateId: string, amount: number, taxable: number) => ({ amount, taxable_amount: taxable, tax_behavior: 'exclusive', type: 'tax_rate_details', tax_rate_details: { tax_rate: rateId } });
const rates = new Map([
  ['txr_std', 10],
  ['txr_reduced', 8],
]);

function invoice(overrides: Partial<Parameters<typeof invoiceDocumentModelFrom>[0]['invoice']> = {}) {
  return {
    id: 'in_1',
    number: 'SEIKYU-0001',
    currency: 'jpy',
    subtotal: 1_000,
    total: 1_000,
    amountPaid: 0,
    amountDue: 1_000,
    collectionMethod: 'charge_automatically',
    dueDate: null,
    paidAt: null,
    finalizedAt: new Date('2026-11-30T01:00:00Z'),
    stripeCreated: new Date('2026-11-30T00:00:00Z'),
    data: {},
    ...overrides,
  };
}
const line = (description: string, amount: number, data: unknown = {}) => ({ description, quantity: 1, amount, periodStart: null, periodEnd: null, data });

describe('invoiceDocumentModelFrom', () => {
  it('leaves zero-amount lines out of the customer document and keeps the totals as Stripe has them', () => {
    const model = invoiceDocumentModelFrom({
      kind: 'invoice',
      invoice: invoice({ subtotal: 1_000, total: 1_000, amountDue: 1_000 }),
      lines: [line('Metered usage (0 units)', 0), line('Plan', 1_000), line('Included seat', 0)],
      billing,
      branding,
      paymentMethod: null,
    });
    expect(model.lines.map((l) => l.description)).toEqual(['Plan']);
    expect(model).toMatchObject({ subtotal: 1_000, total: 1_000, amountDue: 1_000 });
  });

  it('carries the invoice’s memo (Stripe’s description) on the invoice, not on its receipt', () => {
    const params = { invoice: invoice({ data: { description: ' 11月分の発注書 PO-4711 に基づきます。 ' } }), lines: [line('Plan', 1_000)], billing, branding, paymentMethod: null };
    expect(invoiceDocumentModelFrom({ ...params, kind: 'invoice' }).memo).toBe('11月分の発注書 PO-4711 に基づきます。');
    expect(invoiceDocumentModelFrom({ ...params, kind: 'receipt' }).memo).toBeNull();
    expect(invoiceDocumentModelFrom({ ...params, kind: 'invoice', invoice: invoice() }).memo).toBeNull();
  });

  it('reads the tax rate per line from Stripe and marks 8 % JPY lines as reduced-rate', () => {
    const model = invoiceDocumentModelFrom({
      kind: 'invoice',
      invoice: invoice({ subtotal: 1_500, total: 1_640, amountDue: 1_640 }),
      lines: [line('Service', 1_000, { taxes: [taxOf('txr_std', 100, 1_000)] }), line('Lunch', 500, { taxes: [taxOf('txr_reduced', 40, 500)] })],
      billing,
      branding,
      paymentMethod: null,
      taxRates: rates,
    });
    expect(model.lines).toEqual([
      { description: 'Service', quantity: 1, amount: 1_000, taxRatePercent: 10, reducedRate: false },
      { description: 'Lunch', quantity: 1, amount: 500, taxRatePercent: 8, reducedRate: true },
    ]);
    expect(model.taxes).toEqual([
      { ratePercent: 10, reducedRate: false, taxableAmount: 1_000, taxAmount: 100 },
      { ratePercent: 8, reducedRate: true, taxableAmount: 500, taxAmount: 40 },
    ]);
  });

  it("rounds the tax once per rate for the document, not per line, unless Stripe's total_taxes says what was charged", () => {
    // Three lines of ¥333 at 10 %: per-line rounding would give 33 × 3 = ¥99; once per rate, round(99.9) = ¥100.
    const lines = [1, 2, 3].map((n) => line(`Seat ${n}`, 333, { taxes: [taxOf('txr_std', 33, 333)] }));
    const computed = invoiceDocumentModelFrom({ kind: 'invoice', invoice: invoice({ subtotal: 999 }), lines, billing, branding, paymentMethod: null, taxRates: rates });
    expect(computed.taxes).toEqual([{ ratePercent: 10, reducedRate: false, taxableAmount: 999, taxAmount: 100 }]);

    const charged = invoiceDocumentModelFrom({
      kind: 'invoice',
      // Stripe charged ¥99 (its own rounding): the document shows what was charged, never a different amount due.
      invoice: invoice({ subtotal: 999, data: { total_taxes: [taxOf('txr_std', 99, 999)] } }),
      lines,
      billing,
      branding,
      paymentMethod: null,
      taxRates: rates,
    });
    expect(charged.taxes).toEqual([{ ratePercent: 10, reducedRate: false, taxableAmount: 999, taxAmount: 99 }]);
  });

  it('addresses a company 御中 with its Japanese address from the postal code down, and a bare Stripe customer name as a person', () => {
    const company = invoiceDocumentModelFrom({ kind: 'invoice', invoice: invoice(), lines: [], billing, branding, paymentMethod: null });
    expect(company.addressee).toEqual({ name: '株式会社デモ', isCompany: true, email: 'keiri@demo.example', addressLines: ['〒530-0001', '大阪府大阪市北区梅田1-1-1'], taxId: null });
    const person = invoiceDocumentModelFrom({ kind: 'invoice', invoice: invoice({ data: { customer_name: '山田 太郎' } }), lines: [], billing: null, branding, paymentMethod: null });
    expect(person.addressee).toMatchObject({ name: '山田 太郎', isCompany: false });
    expect(person.language).toBeNull();
  });

  it('prints the issuer from the branding settings: address, registration number, the phone only when shown', () => {
    const hidden = invoiceDocumentModelFrom({ kind: 'invoice', invoice: invoice(), lines: [], billing, branding, paymentMethod: null });
    expect(hidden.issuer).toMatchObject({ name: '株式会社セイキュー', addressLines: ['〒150-0002', '東京都渋谷区渋谷1-2-3'], registrationNumber: 'T1234567890123', phone: null });
    const shown = invoiceDocumentModelFrom({ kind: 'invoice', invoice: invoice(), lines: [], billing, branding: { ...branding, showSupportPhone: true }, paymentMethod: null });
    expect(shown.issuer.phone).toBe('03-1234-5678');
    const unconfigured = invoiceDocumentModelFrom({ kind: 'invoice', invoice: invoice({ data: { account_name: 'Stripe Account KK' } }), lines: [], billing, branding: brandingSettingsSchema.parse({}), paymentMethod: null });
    expect(unconfigured.issuer).toMatchObject({ name: 'Stripe Account KK', registrationNumber: null });
  });

  it('adds the bank account details to the footer of a bank-transfer invoice only', () => {
    const transfer = invoiceDocumentModelFrom({ kind: 'invoice', invoice: invoice({ collectionMethod: 'send_invoice' }), lines: [], billing, branding, paymentMethod: null });
    expect(transfer.footer).toBe('いつもありがとうございます。\n\nみずほ銀行 渋谷支店 普通 1234567');
    expect(transfer.paymentMethod).toEqual({ type: 'bank_transfer' });
    const own = invoiceDocumentModelFrom({ kind: 'invoice', invoice: invoice({ collectionMethod: 'send_invoice' }), lines: [], billing, branding: { ...branding, bankTransferFooter: '振込先: 三井住友銀行' }, paymentMethod: null });
    expect(own.footer).toBe('いつもありがとうございます。\n\n振込先: 三井住友銀行');
    const card = invoiceDocumentModelFrom({ kind: 'invoice', invoice: invoice(), lines: [], billing, branding, paymentMethod: null });
    expect(card.footer).toBe('いつもありがとうございます。');
  });

  it('numbers and dates a receipt by the payment', () => {
    const paidAt = new Date('2026-12-01T00:00:00Z');
    const model = invoiceDocumentModelFrom({ kind: 'receipt', invoice: invoice({ paidAt, amountPaid: 1_000 }), lines: [], billing, branding, paymentMethod: { type: 'card', brand: 'visa', last4: '4242' } });
    expect(model).toMatchObject({ kind: 'receipt', number: 'RCPT-SEIKYU-0001', invoiceNumber: 'SEIKYU-0001', issueDate: paidAt, paymentMethod: { type: 'card', last4: '4242' } });
    expect(receiptNumberFor({ id: 'in_1', number: null })).toBe('RCPT-in_1');
  });
});

describe('tax rates and rounding', () => {
  it('takes the percentage from an expanded or known tax rate, else derives it and snaps to 10 % / 8 %', () => {
    expect(taxRatePercentOf({ tax_rate_details: { tax_rate: { id: 'txr_1', percentage: 8 } as never }, amount: 1, taxable_amount: 10 })).toBe(8);
    expect(taxRatePercentOf(taxOf('txr_std', 0, 0) as never, rates)).toBe(10);
    expect(taxRatePercentOf(taxOf('txr_unknown', 99, 1_234) as never)).toBe(8);
    expect(taxRatePercentOf(taxOf('txr_unknown', 123, 1_234) as never)).toBe(10);
    expect(taxRatePercentOf(taxOf('txr_unknown', 0, 0) as never)).toBeNull();
  });

  it('rounds half away from zero so a credit note rounds like its invoice', () => {
    expect(roundMinor(99.5)).toBe(100);
    expect(roundMinor(-99.5)).toBe(-100);
    expect(taxesByRate([{ amount: 1_005, taxRatePercent: 10 }, { amount: 1_005, taxRatePercent: 8 }, { amount: 500, taxRatePercent: null }], 'jpy')).toEqual([
      { ratePercent: 10, reducedRate: false, taxableAmount: 1_005, taxAmount: 101 },
      { ratePercent: 8, reducedRate: true, taxableAmount: 1_005, taxAmount: 80 },
    ]);
    expect(taxesByRate([{ amount: 1_005, taxRatePercent: 8 }], 'usd')[0]!.reducedRate).toBe(false);
  });

  it('hands the renderer what it needs to describe the lines Stripe generated, and nothing for a written line', () => {
    const team = { productName: 'Team', productMetadata: { name_ja: 'チーム' }, priceNickname: null, priceMetadata: {} };
    const changedOn = new Date('2026-12-07T03:00:00Z');
    const model = invoiceDocumentModelFrom({
      kind: 'invoice',
      invoice: invoice({ subtotal: 7_000, total: 7_000, amountDue: 7_000 }),
      lines: [
        { ...line('5 × Team (at ¥1,200 / month)', 6_000, { parent: { type: 'subscription_item_details', subscription_item_details: { proration: false } } }), catalog: team },
        { ...line('Remaining time on Team after 7 Dec 2026', 500, { parent: { type: 'invoice_item_details', invoice_item_details: { proration: true } } }), periodStart: changedOn, catalog: team },
        line('研修', 500, { parent: { type: 'invoice_item_details', invoice_item_details: { proration: false } } }),
      ],
      billing,
      branding,
      paymentMethod: null,
    });
    expect(model.lines.map((l) => l.generated)).toEqual([
      { origin: 'subscription', catalog: team, periodStart: null },
      { origin: 'proration', catalog: team, periodStart: changedOn },
      undefined,
    ]);
    expect(model.lines.map((l) => l.description)).toEqual(['5 × Team (at ¥1,200 / month)', 'Remaining time on Team after 7 Dec 2026', '研修']);
  });
});
