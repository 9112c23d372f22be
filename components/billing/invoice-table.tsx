// The invoice table the portal's invoice list and its overview share: number, date, (optionally) period, amount
// and status, in the viewer's locale and time zone. Labels come translated from the page, which knows its own
// namespace. At phone width the date and period move under the number so the amount and the status stay on
// screen without scrolling sideways. This part formats the rows on the server; the markup is
// components/billing/invoice-table-view.tsx.
import { getTranslations } from '@/lib/i18n/server';
import { invoiceBadgeClass } from '@/components/status-badge';
import type { InvoiceStatus } from '@/db/queries/billing';
import { formatDate, formatMoney, spanned } from '@/lib/i18n/format';
import { InvoiceTableView, type InvoiceTableViewRow } from './invoice-table-view';

export type InvoiceTableRow = {
  id: string;
  number: string | null;
  created: Date;
  total: number;
  currency: string;
  status: InvoiceStatus;
  /** Shown only when the table has a period column. */
  periodStart?: Date | null;
  periodEnd?: Date | null;
};

export type InvoiceTableLabels = {
  /** Names the scrollable region (keyboard users scroll it at phone width). */
  region: string;
  number: string;
  date: string;
  period?: string;
  amount: string;
  status: string;
};

export async function InvoiceTable({
  invoices,
  labels,
  locale,
  timeZone,
  link,
  testId,
  className,
}: {
  invoices: readonly InvoiceTableRow[];
  labels: InvoiceTableLabels;
  locale: string;
  timeZone: string;
  /** Makes the number a link to the invoice, with an accessible name such as "View invoice ABC-0001". */
  link?: { href: (invoice: InvoiceTableRow) => string; label: (number: string) => string };
  testId?: string;
  className?: string;
}) {
  const tStatus = await getTranslations('invoiceStatus');
  const date = (value: Date) => formatDate(value, locale, timeZone);
  const rows: InvoiceTableViewRow[] = invoices.map((invoice) => {
    const number = invoice.number ?? invoice.id;
    return {
      id: invoice.id,
      number,
      link: link ? { href: link.href(invoice), label: link.label(number) } : null,
      date: date(invoice.created),
      period:
        invoice.periodStart && invoice.periodEnd && invoice.periodEnd > invoice.periodStart
          ? spanned(date(invoice.periodStart), date(invoice.periodEnd), locale)
          : null,
      amount: formatMoney(invoice.total, invoice.currency, locale),
      status: { label: tStatus(invoice.status), className: invoiceBadgeClass(invoice.status) },
    };
  });
  return <InvoiceTableView rows={rows} labels={labels} testId={testId} className={className} />;
}
