// The operators' invoice-list filters, read from the query string (the page and the CSV export read the same ones,
// so the export is exactly what the list shows). Nothing is dropped silently: an unknown status, collection method
// or currency, a date that is not a date, an overdue flag that is not "1", or a search over the limit each come
// back as a problem the page shows (the export answers 400), and the list is not run with the rest.
import { invoiceCollectionMethods, invoiceStatuses, type InvoiceListFilter } from '@/db/queries/invoices';
import { customerCurrencies } from '@/lib/customers/customer-list-filters';

export const INVOICE_SEARCH_MAX_LENGTH = 200;

export type InvoiceListFilters = {
  q?: string;
  status?: (typeof invoiceStatuses)[number];
  method?: (typeof invoiceCollectionMethods)[number];
  currency?: (typeof customerCurrencies)[number];
  overdue?: true;
  /** YYYY-MM-DD (UTC) */
  from?: string;
  to?: string;
  page?: number;
};

export type InvoiceFilterProblem =
  | { field: 'q'; kind: 'tooLong'; max: number }
  | { field: 'status' | 'method' | 'currency' | 'overdue' | 'from' | 'to' | 'page'; kind: 'invalid'; value: string }
  | { field: 'from'; kind: 'range' };

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

const isDay = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
const shown = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value);

function oneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

export function parseInvoiceListFilters(params: SearchParams): { filters: InvoiceListFilters; problems: InvoiceFilterProblem[] } {
  const read = (key: string): string | undefined => {
    const raw = params instanceof URLSearchParams ? params.get(key) ?? undefined : params[key];
    return (Array.isArray(raw) ? raw[0] : raw)?.trim() || undefined;
  };
  const filters: InvoiceListFilters = {};
  const problems: InvoiceFilterProblem[] = [];

  const q = read('q');
  if (q && q.length > INVOICE_SEARCH_MAX_LENGTH) problems.push({ field: 'q', kind: 'tooLong', max: INVOICE_SEARCH_MAX_LENGTH });
  if (q) filters.q = q;

  const status = read('status');
  if (status && oneOf(invoiceStatuses, status)) filters.status = status;
  else if (status) problems.push({ field: 'status', kind: 'invalid', value: shown(status) });

  const method = read('method');
  if (method && oneOf(invoiceCollectionMethods, method)) filters.method = method;
  else if (method) problems.push({ field: 'method', kind: 'invalid', value: shown(method) });

  const currency = read('currency')?.toLowerCase();
  if (currency && oneOf(customerCurrencies, currency)) filters.currency = currency;
  else if (currency) problems.push({ field: 'currency', kind: 'invalid', value: shown(currency) });

  const overdue = read('overdue');
  if (overdue === '1') filters.overdue = true;
  else if (overdue) problems.push({ field: 'overdue', kind: 'invalid', value: shown(overdue) });

  for (const field of ['from', 'to'] as const) {
    const day = read(field);
    if (day && isDay(day)) filters[field] = day;
    else if (day) problems.push({ field, kind: 'invalid', value: shown(day) });
  }
  if (filters.from && filters.to && filters.from > filters.to) problems.push({ field: 'from', kind: 'range' });

  const page = read('page');
  if (page && /^\d{1,9}$/.test(page) && Number(page) >= 1) filters.page = Number(page);
  else if (page) problems.push({ field: 'page', kind: 'invalid', value: shown(page) });

  return { filters, problems };
}

/** The query for db/queries/invoices. */
export function toInvoiceListQuery(filters: InvoiceListFilters, now = new Date()): InvoiceListFilter {
  return {
    search: filters.q,
    status: filters.status,
    collectionMethod: filters.method,
    currency: filters.currency,
    overdue: filters.overdue,
    createdFrom: filters.from ? new Date(`${filters.from}T00:00:00Z`) : undefined,
    createdTo: filters.to ? new Date(`${filters.to}T00:00:00Z`) : undefined,
    now,
  };
}

/** The query string of these filters, for links, tabs and the export (which passes `page: null`). */
export function invoiceFilterQuery(filters: InvoiceListFilters, overrides: Partial<Record<keyof InvoiceListFilters, string | null>> = {}): string {
  const query = new URLSearchParams();
  const values: Record<string, string | undefined> = {
    q: filters.q,
    status: filters.status,
    method: filters.method,
    currency: filters.currency,
    overdue: filters.overdue ? '1' : undefined,
    from: filters.from,
    to: filters.to,
    page: filters.page && filters.page > 1 ? String(filters.page) : undefined,
  };
  for (const [key, value] of Object.entries({ ...values, ...overrides })) {
    if (value) query.set(key, value);
  }
  return query.toString();
}
