// The operators' customer-list filters, read from the query string. Nothing is dropped silently: a search
// longer than the limit, an unknown status or currency, a date that is not a date or a page that is not a
// number each come back as a problem the page shows, and the list is not run with the rest.
import { CUSTOMER_SEARCH_MAX_LENGTH, customerStatusFilters, type CustomerStatusFilter } from '@/db/queries/customers';

export const customerCurrencies = ['jpy', 'usd'] as const;

export type CustomerListFilters = {
  q?: string;
  status?: CustomerStatusFilter;
  currency?: (typeof customerCurrencies)[number];
  /** YYYY-MM-DD */
  from?: string;
  to?: string;
  page?: number;
};

export type CustomerFilterProblem =
  | { field: 'q'; kind: 'tooLong'; max: number }
  | { field: 'status' | 'currency' | 'from' | 'to' | 'page'; kind: 'invalid'; value: string }
  | { field: 'from'; kind: 'range' };

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
const shown = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value);

export function parseCustomerListFilters(params: SearchParams): { filters: CustomerListFilters; problems: CustomerFilterProblem[] } {
  const filters: CustomerListFilters = {};
  const problems: CustomerFilterProblem[] = [];

  const q = first(params.q);
  if (q && q.length > CUSTOMER_SEARCH_MAX_LENGTH) problems.push({ field: 'q', kind: 'tooLong', max: CUSTOMER_SEARCH_MAX_LENGTH });
  // Kept as typed (even when too long) so the form shows it back for editing.
  if (q) filters.q = q;

  const status = first(params.status);
  if (status && (customerStatusFilters as readonly string[]).includes(status)) filters.status = status as CustomerStatusFilter;
  else if (status) problems.push({ field: 'status', kind: 'invalid', value: shown(status) });

  const currency = first(params.currency)?.toLowerCase();
  if (currency && (customerCurrencies as readonly string[]).includes(currency)) filters.currency = currency as CustomerListFilters['currency'];
  else if (currency) problems.push({ field: 'currency', kind: 'invalid', value: shown(currency) });

  for (const field of ['from', 'to'] as const) {
    const day = first(params[field]);
    if (day && isDay(day)) filters[field] = day;
    else if (day) problems.push({ field, kind: 'invalid', value: shown(day) });
  }
  if (filters.from && filters.to && filters.from > filters.to) problems.push({ field: 'from', kind: 'range' });

  const page = first(params.page);
  if (page && /^\d{1,9}$/.test(page) && Number(page) >= 1) filters.page = Number(page);
  else if (page) problems.push({ field: 'page', kind: 'invalid', value: shown(page) });

  return { filters, problems };
}
