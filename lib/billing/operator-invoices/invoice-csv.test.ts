import { describe, expect, it } from 'vitest';
import type { InvoiceListRow } from '@/db/queries/invoices';
import { invoiceCsvFilename, invoiceCsvLine } from './invoice-csv';

const row = {
  id: 'in_1',
  number: 'ABC-0001',
  organizationName: 'Acme, "KK"',
  organizationEmail: '=cmd@example.com',
  customerId: 'cus_1',
  status: 'open',
  collectionMethod: 'send_invoice',
  currency: 'jpy',
  total: 3000,
  amountPaid: 0,
  amountRemaining: 3000,
  stripeCreated: new Date('2026-01-02T03:04:05Z'),
  dueDate: null,
  paidAt: null,
} as unknown as InvoiceListRow;

describe('invoiceCsvLine', () => {
  it('quotes commas and quotes, neutralises formulas, keeps minor units', () => {
    expect(invoiceCsvLine(row)).toBe('in_1,ABC-0001,"Acme, ""KK""",\'=cmd@example.com,cus_1,open,send_invoice,jpy,3000,0,3000,2026-01-02T03:04:05.000Z,,');
  });
  it('names the file by date and status', () => {
    expect(invoiceCsvFilename(new Date('2026-12-06T10:00:00Z'), 'UTC', 'open')).toBe('seikyu-invoices-2026-12-06-open.csv');
    // 00:37 on the 8th in Tokyo is still the 7th in UTC: the file is named by the operator's day.
    expect(invoiceCsvFilename(new Date('2026-12-07T15:37:00Z'), 'Asia/Tokyo')).toBe('seikyu-invoices-2026-12-08.csv');
  });
});
