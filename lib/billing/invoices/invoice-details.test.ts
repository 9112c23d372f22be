import { describe, expect, it } from 'vitest';
import {
  bankTransferInstructions,
  canPayInvoiceOnline,
  documentFilename,
  hasReceipt,
  invoiceCreditNoteAmounts,
  invoiceDiscounts,
  invoiceEmailRecipient,
  invoiceMemo,
  visibleInvoiceLines,
} from './invoice-details';

describe('visibleInvoiceLines', () => {
  it('leaves out zero-amount lines and keeps credits and charges in order', () => {
    const lines = [{ id: 'a', amount: 0 }, { id: 'b', amount: -500 }, { id: 'c', amount: 1200 }];
    expect(visibleInvoiceLines(lines).map((l) => l.id)).toEqual(['b', 'c']);
  });
});

describe('invoiceDiscounts', () => {
  it('reads total_discount_amounts with string or expanded discounts and skips zero amounts', () => {
    const data = {
      total_discount_amounts: [
        { amount: 300, discount: 'di_1' },
        { amount: 0, discount: 'di_2' },
        { amount: 50, discount: { id: 'di_3' } },
      ],
    };
    expect(invoiceDiscounts({ data })).toEqual([
      { id: 'di_1', amount: 300, name: null },
      { id: 'di_3', amount: 50, name: null },
    ]);
  });
  it('names a discount by its coupon when the mirror keeps the coupon, never by an id', () => {
    const data = {
      discounts: [
        { id: 'di_1', source: { coupon: { id: 'SEIKYU_WELCOME10', name: 'Welcome 10%' } } },
        { id: 'di_2', source: { coupon: 'SEIKYU_THANKYOU500' } },
      ],
      total_discount_amounts: [
        { amount: 300, discount: 'di_1' },
        { amount: 500, discount: 'di_2' },
      ],
    };
    expect(invoiceDiscounts({ data }).map((d) => d.name)).toEqual(['Welcome 10%', null]);
  });
  it('is empty without the field', () => {
    expect(invoiceDiscounts({ data: {} })).toEqual([]);
    expect(invoiceDiscounts({ data: null })).toEqual([]);
  });
});

describe('invoiceMemo', () => {
  it('is the description the customer reads on the invoice, trimmed, or null', () => {
    expect(invoiceMemo({ data: { description: '  Thank you for the November order.\nPO 4711 ' } })).toBe('Thank you for the November order.\nPO 4711');
    expect(invoiceMemo({ data: { description: '   ' } })).toBeNull();
    expect(invoiceMemo({ data: { description: null } })).toBeNull();
    expect(invoiceMemo({ data: null })).toBeNull();
  });
});

describe('invoiceCreditNoteAmounts', () => {
  it('reads what credit notes took off before and after payment, so total − credited − paid is what remains', () => {
    const data = { total: 22_600, pre_payment_credit_notes_amount: 1_000, post_payment_credit_notes_amount: 0, amount_paid: 2_600, amount_remaining: 19_000 };
    const credited = invoiceCreditNoteAmounts({ data });
    expect(credited).toEqual({ beforePayment: 1_000, afterPayment: 0 });
    expect(data.total - credited.beforePayment - data.amount_paid).toBe(data.amount_remaining);
    expect(invoiceCreditNoteAmounts({ data: { post_payment_credit_notes_amount: 500 } })).toEqual({ beforePayment: 0, afterPayment: 500 });
  });
  it('is zero without the fields', () => {
    expect(invoiceCreditNoteAmounts({ data: null })).toEqual({ beforePayment: 0, afterPayment: 0 });
  });
});

describe('invoiceEmailRecipient', () => {
  it('is the address Stripe emails the invoice to, or null without one', () => {
    expect(invoiceEmailRecipient({ data: { customer_email: ' billing@kobe.example ' } })).toBe('billing@kobe.example');
    expect(invoiceEmailRecipient({ data: { customer_email: null } })).toBeNull();
    expect(invoiceEmailRecipient({ data: null })).toBeNull();
  });
});

describe('bankTransferInstructions', () => {
  it('is the footer of a send_invoice invoice', () => {
    expect(bankTransferInstructions({ collectionMethod: 'send_invoice', data: { footer: '  Bank: 123  ' } })).toBe('Bank: 123');
  });
  it('is null for card-charged invoices or without a footer', () => {
    expect(bankTransferInstructions({ collectionMethod: 'charge_automatically', data: { footer: 'Bank: 123' } })).toBeNull();
    expect(bankTransferInstructions({ collectionMethod: 'send_invoice', data: { footer: ' ' } })).toBeNull();
    expect(bankTransferInstructions({ collectionMethod: 'send_invoice', data: {} })).toBeNull();
  });
});

describe('payable and receipts', () => {
  it('only open invoices with an amount remaining can be paid', () => {
    expect(canPayInvoiceOnline({ status: 'open', amountRemaining: 100 })).toBe(true);
    expect(canPayInvoiceOnline({ status: 'open', amountRemaining: 0 })).toBe(false);
    expect(canPayInvoiceOnline({ status: 'paid', amountRemaining: 0 })).toBe(false);
    expect(canPayInvoiceOnline({ status: 'void', amountRemaining: 100 })).toBe(false);
  });
  it('only paid invoices have receipts', () => {
    expect(hasReceipt({ status: 'paid' })).toBe(true);
    expect(hasReceipt({ status: 'open' })).toBe(false);
  });
});

describe('documentFilename', () => {
  it('uses the number, reduced to safe characters', () => {
    expect(documentFilename('invoice', { id: 'in_1', number: 'ABC-0001' })).toBe('invoice-ABC-0001.pdf');
    expect(documentFilename('invoice', { id: 'in_1', number: 'ABC-0001' }, 'stripe')).toBe('invoice-ABC-0001-stripe.pdf');
    expect(documentFilename('receipt', { id: 'in_1', number: 'A"B\r\n/..' })).toBe('receipt-A-B-...pdf');
  });
  it('falls back to the id', () => {
    expect(documentFilename('invoice', { id: 'in_123', number: null })).toBe('invoice-in_123.pdf');
  });
});
