// The invoice list as CSV: one header, one line per invoice, amounts in the currency's minor unit as Stripe gives
// them (JPY has none) so a spreadsheet sums them exactly. Fields are quoted per RFC 4180, and a cell that a
// spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe.
import { dayIn } from '@/lib/i18n/zone-clock';
import type { InvoiceListRow } from '@/db/queries/invoices';

export const invoiceCsvHeader = [
  'invoice_id',
  'number',
  'customer',
  'email',
  'stripe_customer_id',
  'status',
  'collection_method',
  'currency',
  'total',
  'amount_paid',
  'amount_remaining',
  'created',
  'due_date',
  'paid_at',
] as const;

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function invoiceCsvLine(row: InvoiceListRow): string {
  return [
    row.id,
    row.number,
    row.organizationName,
    row.organizationEmail,
    row.customerId,
    row.status,
    row.collectionMethod,
    row.currency,
    row.total,
    row.amountPaid,
    row.amountRemaining,
    iso(row.stripeCreated),
    iso(row.dueDate),
    iso(row.paidAt),
  ]
    .map(cell)
    .join(',');
}

/** The CSV file name for an export made at `now`: seikyu-invoices-YYYY-MM-DD[-status].csv, the day in the operator's zone. */
export function invoiceCsvFilename(now: Date, timeZone: string, status?: string): string {
  return `seikyu-invoices-${dayIn(now, timeZone)}${status ? `-${status}` : ''}.csv`;
}
