// The ageing rules of the receivables report, in the database where they run (db/queries/receivables.ts):
// bucket edges, whole days past due, which invoices were open at the chosen instant and for how much, and the
// totals per collection method, currency and customer, paged.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { organizations, stripeInvoices } from '@/db/schema';
import { listReceivableInvoicesForOperator } from '@/db/queries/receivables';
import { closeTestDb, resetDatabase, testDb } from '@/test/integration/helpers';
import { buildReceivablesReport } from './report';

const asOf = new Date('2027-03-31T14:59:59.999Z'); // end of 31 March in Tokyo
const DAY = 86_400_000;
const daysBefore = (n: number) => new Date(asOf.getTime() - n * DAY);
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

type InvoiceInput = {
  id: string;
  organizationId?: string | null;
  currency?: string;
  collectionMethod?: 'charge_automatically' | 'send_invoice';
  status?: 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';
  amountDue?: number;
  amountRemaining?: number;
  dueDate?: Date | null;
  finalizedAt?: Date | null;
  paidAt?: Date | null;
  voidedAt?: Date;
  uncollectibleAt?: Date;
};

let orgs: { acme: string; beta: string };

async function invoice(input: InvoiceInput): Promise<void> {
  const amountDue = input.amountDue ?? 11000;
  await testDb()
    .insert(stripeInvoices)
    .values({
      id: input.id,
      customerId: 'cus_ageing',
      organizationId: input.organizationId === undefined ? orgs.acme : input.organizationId,
      number: input.id.toUpperCase(),
      status: input.status ?? 'open',
      collectionMethod: input.collectionMethod ?? 'send_invoice',
      currency: input.currency ?? 'jpy',
      subtotal: amountDue,
      total: amountDue,
      amountDue,
      amountPaid: 0,
      amountRemaining: input.amountRemaining ?? amountDue,
      dueDate: input.dueDate === undefined ? daysBefore(1) : input.dueDate,
      finalizedAt: input.finalizedAt === undefined ? daysBefore(40) : input.finalizedAt,
      paidAt: input.paidAt ?? null,
      stripeCreated: daysBefore(40),
      data: {
        object: 'invoice',
        status_transitions: {
          voided_at: input.voidedAt ? seconds(input.voidedAt) : null,
          marked_uncollectible_at: input.uncollectibleAt ? seconds(input.uncollectibleAt) : null,
        },
      },
    });
}

describe('receivables ageing', () => {
  beforeEach(async () => {
    await resetDatabase();
    const [acme, beta] = await testDb()
      .insert(organizations)
      .values([
        { name: 'Acme KK', currency: 'jpy' },
        { name: 'Beta KK', currency: 'jpy' },
      ])
      .returning();
    orgs = { acme: acme!.id, beta: beta!.id };
  });
  afterAll(closeTestDb);

  it('puts each bucket edge in the right bucket, counting whole days; no due date is not yet due', async () => {
    const edges = [0, 1, 30, 31, 60, 61, 90, 91, -5];
    for (const days of edges) await invoice({ id: `in_${String(days + 10).padStart(3, '0')}`, dueDate: daysBefore(days) });
    await invoice({ id: 'in_almost_30', dueDate: new Date(asOf.getTime() - 30 * DAY + 1) });
    await invoice({ id: 'in_no_due', dueDate: null, collectionMethod: 'charge_automatically' });
    const aged = new Map((await listReceivableInvoicesForOperator({ asOf })).map((i) => [i.id, i]));
    expect(edges.map((days) => aged.get(`in_${String(days + 10).padStart(3, '0')}`)?.bucket)).toEqual([
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
    expect(aged.get('in_040')?.daysPastDue).toBe(30);
    expect(aged.get('in_almost_30')?.daysPastDue).toBe(29);
    expect(aged.get('in_005')?.daysPastDue).toBe(0); // due in five days
    expect(aged.get('in_no_due')).toMatchObject({ daysPastDue: 0, bucket: 'current', dueDate: null });
    // Most days past due first.
    expect([...aged.values()][0]!.id).toBe('in_101');
  });

  it('counts an invoice finalized before the date and settled only after it', async () => {
    await invoice({ id: 'in_paid_later', status: 'paid', amountRemaining: 0, paidAt: new Date(asOf.getTime() + 1) });
    await invoice({ id: 'in_paid_then', status: 'paid', amountRemaining: 0, paidAt: asOf });
    await invoice({ id: 'in_voided_before', status: 'void', voidedAt: daysBefore(2) });
    await invoice({ id: 'in_voided_after', status: 'void', voidedAt: new Date(asOf.getTime() + DAY) });
    await invoice({ id: 'in_uncollectible_before', status: 'uncollectible', uncollectibleAt: daysBefore(2) });
    await invoice({ id: 'in_finalized_after', finalizedAt: new Date(asOf.getTime() + 1) });
    await invoice({ id: 'in_draft', status: 'draft', finalizedAt: null });
    expect((await listReceivableInvoicesForOperator({ asOf })).map((i) => i.id).sort()).toEqual(['in_paid_later', 'in_voided_after']);
  });

  it('ages by the chosen date: the same invoice is current earlier and overdue later', async () => {
    await invoice({ id: 'in_march', dueDate: new Date('2027-03-01T00:00:00Z'), finalizedAt: new Date('2027-02-01T00:00:00Z') });
    expect((await listReceivableInvoicesForOperator({ asOf: new Date('2027-02-20T00:00:00Z') }))[0]!.bucket).toBe('current');
    expect((await listReceivableInvoicesForOperator({ asOf: new Date('2027-04-15T00:00:00Z') }))[0]).toMatchObject({ bucket: 'days_31_60', daysPastDue: 45 });
    expect(await listReceivableInvoicesForOperator({ asOf: new Date('2027-01-20T00:00:00Z') })).toEqual([]);
  });

  it('uses what remains on an open invoice and the amount due on one settled later; nothing left is not open', async () => {
    await invoice({ id: 'in_a', amountRemaining: 4000 });
    await invoice({ id: 'in_b', status: 'paid', amountRemaining: 0, paidAt: new Date(asOf.getTime() + DAY) });
    await invoice({ id: 'in_c', amountRemaining: 0 });
    expect((await listReceivableInvoicesForOperator({ asOf })).map((i) => [i.id, i.openAmount])).toEqual([
      ['in_a', 4000],
      ['in_b', 11000],
    ]);
  });

  it('totals per collection method and currency apart, and per customer most overdue first, paged', async () => {
    await invoice({ id: 'in_1', amountRemaining: 1000, dueDate: daysBefore(10) });
    await invoice({ id: 'in_2', amountRemaining: 2000, dueDate: daysBefore(100) });
    await invoice({ id: 'in_3', currency: 'usd', amountRemaining: 500, dueDate: daysBefore(10) });
    await invoice({ id: 'in_4', organizationId: orgs.beta, collectionMethod: 'charge_automatically', amountRemaining: 300, dueDate: null });

    const { groups, customers } = await buildReceivablesReport({ asOf, pageSize: 10 });
    expect(groups).toEqual([
      { collectionMethod: 'charge_automatically', currency: 'jpy', count: 1, totals: { current: 300, days_1_30: 0, days_31_60: 0, days_61_90: 0, over_90: 0, total: 300 } },
      { collectionMethod: 'send_invoice', currency: 'jpy', count: 2, totals: { current: 0, days_1_30: 1000, days_31_60: 0, days_61_90: 0, over_90: 2000, total: 3000 } },
      { collectionMethod: 'send_invoice', currency: 'usd', count: 1, totals: { current: 0, days_1_30: 500, days_31_60: 0, days_61_90: 0, over_90: 0, total: 500 } },
    ]);
    expect(customers.total).toBe(3);
    expect(customers.rows.map((r) => [r.customerName, r.currency, r.count, r.totals.total])).toEqual([
      ['Acme KK', 'jpy', 2, 3000],
      ['Acme KK', 'usd', 1, 500],
      ['Beta KK', 'jpy', 1, 300],
    ]);

    // Pages of two: the second page of customers holds the third row; a page past the end is the last one.
    const report = await buildReceivablesReport({ asOf, customersPage: 2, invoicesPage: 99, pageSize: 2 });
    expect(report.invoices.total).toBe(4);
    expect(report.customers).toMatchObject({ page: 2, pages: 2, total: 3 });
    expect(report.customers.rows.map((r) => r.customerName)).toEqual(['Beta KK']);
    expect(report.invoices).toMatchObject({ page: 2, pages: 2, total: 4 });
    expect(report.invoices.rows.map((r) => r.id)).toEqual(['in_3', 'in_4']);

    // Nothing open: empty lists, page 1 of 1.
    const empty = await buildReceivablesReport({ asOf: new Date('2020-01-01T00:00:00Z'), customersPage: 3, pageSize: 2 });
    expect(empty).toMatchObject({ groups: [], customers: { rows: [], page: 1, pages: 1, total: 0 }, invoices: { rows: [], page: 1, pages: 1, total: 0 } });
  });
});
