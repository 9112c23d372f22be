import { describe, expect, it } from 'vitest';
import { invoiceFilterQuery, parseInvoiceListFilters, toInvoiceListQuery } from './invoice-list-filters';

describe('parseInvoiceListFilters', () => {
  it('reads every filter', () => {
    const { filters, problems } = parseInvoiceListFilters({ q: 'Acme', status: 'open', method: 'send_invoice', currency: 'JPY', overdue: '1', from: '2026-01-01', to: '2026-01-31' });
    expect(problems).toEqual([]);
    expect(filters).toEqual({ q: 'Acme', status: 'open', method: 'send_invoice', currency: 'jpy', overdue: true, from: '2026-01-01', to: '2026-01-31' });
    expect(toInvoiceListQuery(filters)).toMatchObject({ search: 'Acme', collectionMethod: 'send_invoice', createdTo: new Date('2026-01-31T00:00:00Z') });
  });

  it('reports invalid values instead of dropping them', () => {
    const { problems } = parseInvoiceListFilters(new URLSearchParams('status=late&method=cash&currency=eur&overdue=yes&from=2026-02-30&page=0'));
    expect(problems.map((p) => p.field)).toEqual(['status', 'method', 'currency', 'overdue', 'from', 'page']);
    expect(parseInvoiceListFilters({ from: '2026-03-01', to: '2026-02-01' }).problems).toEqual([{ field: 'from', kind: 'range' }]);
    expect(parseInvoiceListFilters({ q: 'x'.repeat(201) }).problems).toEqual([{ field: 'q', kind: 'tooLong', max: 200 }]);
  });

  it('writes the filters back as a query string, with overrides', () => {
    const { filters } = parseInvoiceListFilters({ status: 'open', overdue: '1' });
    expect(invoiceFilterQuery(filters)).toBe('status=open&overdue=1');
    expect(invoiceFilterQuery(filters, { status: null })).toBe('overdue=1');
  });
});
