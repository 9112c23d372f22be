import { describe, expect, it } from 'vitest';
import { allowedInvoiceActions, invoiceAllows } from './invoice-action-rules';

describe('allowedInvoiceActions', () => {
  it('offers an admin what the status allows', () => {
    expect(allowedInvoiceActions({ status: 'draft', collectionMethod: 'charge_automatically' }, 'admin')).toEqual(['finalize']);
    expect(allowedInvoiceActions({ status: 'open', collectionMethod: 'send_invoice' }, 'admin')).toEqual(['void', 'mark_uncollectible', 'resend']);
    expect(allowedInvoiceActions({ status: 'open', collectionMethod: 'charge_automatically' }, 'admin')).toEqual(['void', 'mark_uncollectible']);
    expect(allowedInvoiceActions({ status: 'uncollectible', collectionMethod: 'send_invoice' }, 'admin')).toEqual(['void']);
    expect(allowedInvoiceActions({ status: 'paid', collectionMethod: 'send_invoice' }, 'admin')).toEqual([]);
    expect(allowedInvoiceActions({ status: 'void', collectionMethod: 'send_invoice' }, 'admin')).toEqual([]);
  });

  it('offers support only the resend of an open send_invoice invoice', () => {
    expect(allowedInvoiceActions({ status: 'open', collectionMethod: 'send_invoice' }, 'support')).toEqual(['resend']);
    expect(allowedInvoiceActions({ status: 'draft', collectionMethod: 'send_invoice' }, 'support')).toEqual([]);
    expect(allowedInvoiceActions({ status: 'open', collectionMethod: 'charge_automatically' }, 'support')).toEqual([]);
  });

  it('never allows voiding a paid invoice or finalizing a non-draft', () => {
    expect(invoiceAllows({ status: 'paid', collectionMethod: 'charge_automatically' }, 'void')).toBe(false);
    expect(invoiceAllows({ status: 'open', collectionMethod: 'charge_automatically' }, 'finalize')).toBe(false);
  });
});
