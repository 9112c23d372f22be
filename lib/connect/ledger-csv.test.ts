import { describe, expect, it } from 'vitest';
import { toCsv } from '@/lib/admin/csv';
import type { SaleLedgerEntry } from '@/db/queries/connect-sales';
import { ledgerCsvHeader, ledgerCsvRows } from './ledger-csv';
import { parseLedgerFilters } from './ledger-filters';

const transfer = (payeeName: string, amount: number) => ({
  id: payeeName,
  saleId: 's1',
  payeeId: payeeName,
  role: 'reading_doctor',
  currency: 'jpy',
  amount,
  status: 'sent' as const,
  stripeTransferId: `tr_${payeeName}`,
  reversedAmount: 0,
  attempt: 0,
  failureMessage: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  sentAt: new Date(0),
  payeeName,
  payeeEmail: `${payeeName}@example.test`,
  payeeAccountId: 'acct_1',
  payeeStatus: 'enabled',
});

describe('ledger CSV', () => {
  it('writes one line per transfer with its sale and the platform share', () => {
    const sale = {
      id: 's1',
      organizationId: 'o1',
      organizationName: '=Clinic',
      priceId: 'price_1',
      productName: 'Remote diagnosis',
      currency: 'jpy',
      amount: 3000,
      billedAmount: 3000,
      invoiceId: 'in_1',
      chargeId: 'ch_1',
      transferGroup: 'sale_s1',
      status: 'paid' as const,
      reducedAmount: 0,
      createdByUserId: null,
      createdAt: new Date('2026-12-01T00:00:00Z'),
      paidAt: null,
      transfers: [transfer('a', 1000), transfer('b', 1000)],
      platformAmount: 1000,
    } satisfies SaleLedgerEntry;
    const csv = toCsv(ledgerCsvHeader, ledgerCsvRows([sale]));
    const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe("s1,2026-12-01T00:00:00.000Z,'=Clinic,Remote diagnosis,jpy,3000,paid,in_1,a,a@example.test,reading_doctor,1000,sent,0,tr_a,1000");
  });

  it('keeps only known filter values', () => {
    expect(parseLedgerFilters(new URLSearchParams('status=failed&payee=nope'))).toEqual({ status: 'failed', payeeId: undefined });
    expect(parseLedgerFilters(new URLSearchParams('status=drop table'))).toEqual({ status: undefined, payeeId: undefined });
  });
});
