import { describe, expect, it } from 'vitest';
import { ageInvoices, bucketFor, daysPastDue, groupByMethodAndCurrency, totalsByCustomer, wasOpenAt, type ReceivableInvoice } from './ageing';

const asOf = new Date('2027-03-31T14:59:59.999Z'); // end of 31 March in Tokyo
const day = 86_400_000;
const daysBefore = (n: number) => new Date(asOf.getTime() - n * day);

function invoice(overrides: Partial<ReceivableInvoice>): ReceivableInvoice {
  return {
    id: 'in_1',
    organizationId: 'org_1',
    customerName: 'Acme KK',
    number: 'A-1',
    currency: 'jpy',
    collectionMethod: 'send_invoice',
    status: 'open',
    amountDue: 11000,
    amountRemaining: 11000,
    dueDate: daysBefore(1),
    finalizedAt: daysBefore(40),
    paidAt: null,
    voidedAt: null,
    uncollectibleAt: null,
    ...overrides,
  };
}

describe('ageing buckets', () => {
  it('puts each bucket edge in the right bucket', () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91, -5].map(bucketFor)).toEqual([
      'current',
      'days_1_30',
      'days_1_30',
      'days_31_60',
      'days_31_60',
      'days_61_90',
      'days_61_90',
      'over_90',
      'current',
    ]);
  });

  it('counts whole days from the due date to the as-of instant; no due date is not yet due', () => {
    expect(daysPastDue(daysBefore(30), asOf)).toBe(30);
    expect(daysPastDue(new Date(asOf.getTime() - 30 * day + 1), asOf)).toBe(29);
    expect(daysPastDue(new Date(asOf.getTime() + day), asOf)).toBe(-1);
    expect(daysPastDue(null, asOf)).toBe(0);
  });
});

describe('open as of a date', () => {
  it('counts an invoice finalized before the date and settled only after it', () => {
    expect(wasOpenAt(invoice({ status: 'paid', paidAt: new Date(asOf.getTime() + 1) }), asOf)).toBe(true);
    expect(wasOpenAt(invoice({ status: 'paid', paidAt: asOf }), asOf)).toBe(false);
    expect(wasOpenAt(invoice({ status: 'void', voidedAt: daysBefore(2) }), asOf)).toBe(false);
    expect(wasOpenAt(invoice({ status: 'uncollectible', uncollectibleAt: daysBefore(2) }), asOf)).toBe(false);
    expect(wasOpenAt(invoice({ finalizedAt: new Date(asOf.getTime() + 1) }), asOf)).toBe(false);
    expect(wasOpenAt(invoice({ status: 'draft', finalizedAt: null }), asOf)).toBe(false);
  });

  it('ages by the chosen date: the same invoice is current earlier and overdue later', () => {
    const inv = invoice({ dueDate: new Date('2027-03-01T00:00:00Z'), finalizedAt: new Date('2027-02-01T00:00:00Z') });
    expect(ageInvoices([inv], new Date('2027-02-20T00:00:00Z'))[0]!.bucket).toBe('current');
    expect(ageInvoices([inv], new Date('2027-04-15T00:00:00Z'))[0]).toMatchObject({ bucket: 'days_31_60', daysPastDue: 45 });
    expect(ageInvoices([inv], new Date('2027-01-20T00:00:00Z'))).toEqual([]);
  });

  it('uses what remains on an open invoice and the amount due on one settled later', () => {
    const [partly, later] = ageInvoices(
      [invoice({ id: 'in_a', amountRemaining: 4000 }), invoice({ id: 'in_b', status: 'paid', amountRemaining: 0, paidAt: new Date(asOf.getTime() + day) })],
      asOf,
    );
    expect([partly!.openAmount, later!.openAmount]).toEqual([4000, 11000]);
  });
});

describe('totals', () => {
  const aged = ageInvoices(
    [
      invoice({ id: 'in_1', amountRemaining: 1000, dueDate: daysBefore(10) }),
      invoice({ id: 'in_2', amountRemaining: 2000, dueDate: daysBefore(100) }),
      invoice({ id: 'in_3', currency: 'usd', amountRemaining: 500, dueDate: daysBefore(10) }),
      invoice({ id: 'in_4', organizationId: 'org_2', customerName: 'Beta', collectionMethod: 'charge_automatically', amountRemaining: 300, dueDate: null }),
    ],
    asOf,
  );

  it('keeps currencies and collection methods apart', () => {
    expect(groupByMethodAndCurrency(aged)).toEqual([
      { collectionMethod: 'charge_automatically', currency: 'jpy', count: 1, totals: { current: 300, days_1_30: 0, days_31_60: 0, days_61_90: 0, over_90: 0, total: 300 } },
      { collectionMethod: 'send_invoice', currency: 'jpy', count: 2, totals: { current: 0, days_1_30: 1000, days_31_60: 0, days_61_90: 0, over_90: 2000, total: 3000 } },
      { collectionMethod: 'send_invoice', currency: 'usd', count: 1, totals: { current: 0, days_1_30: 500, days_31_60: 0, days_61_90: 0, over_90: 0, total: 500 } },
    ]);
  });

  it('totals per customer and currency, most overdue first', () => {
    expect(totalsByCustomer(aged).map((r) => [r.organizationId, r.currency, r.totals.total])).toEqual([
      ['org_1', 'jpy', 3000],
      ['org_1', 'usd', 500],
      ['org_2', 'jpy', 300],
    ]);
  });
});
