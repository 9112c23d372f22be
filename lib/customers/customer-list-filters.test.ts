import { describe, expect, it } from 'vitest';
import { parseCustomerListFilters } from './customer-list-filters';

describe('parseCustomerListFilters', () => {
  it('accepts what the filter form sends', () => {
    expect(parseCustomerListFilters({ q: ' Acme ', status: 'past_due', currency: 'USD', from: '2026-01-01', to: '2026-02-01', page: '3' })).toEqual({
      filters: { q: 'Acme', status: 'past_due', currency: 'usd', from: '2026-01-01', to: '2026-02-01', page: 3 },
      problems: [],
    });
    expect(parseCustomerListFilters({ q: '', status: '', currency: '' })).toEqual({ filters: {}, problems: [] });
  });

  it('reports a search longer than the limit instead of dropping it (which listed everyone)', () => {
    const { filters, problems } = parseCustomerListFilters({ q: 'x'.repeat(201) });
    expect(problems).toEqual([{ field: 'q', kind: 'tooLong', max: 200 }]);
    expect(filters.q).toHaveLength(201);
    expect(parseCustomerListFilters({ q: 'x'.repeat(200) }).problems).toEqual([]);
  });

  it('reports unknown statuses, currencies, impossible dates and pages that are not numbers', () => {
    expect(parseCustomerListFilters({ status: 'bogus', currency: 'eur', from: '2026-02-30', to: 'tomorrow', page: 'abc' }).problems).toEqual([
      { field: 'status', kind: 'invalid', value: 'bogus' },
      { field: 'currency', kind: 'invalid', value: 'eur' },
      { field: 'from', kind: 'invalid', value: '2026-02-30' },
      { field: 'to', kind: 'invalid', value: 'tomorrow' },
      { field: 'page', kind: 'invalid', value: 'abc' },
    ]);
    expect(parseCustomerListFilters({ page: '0' }).problems).toEqual([{ field: 'page', kind: 'invalid', value: '0' }]);
    expect(parseCustomerListFilters({ from: '2026-03-01', to: '2026-02-01' }).problems).toEqual([{ field: 'from', kind: 'range' }]);
  });
});
