// The invoice table the portal's invoice list, its overview and the operators' customer page share: number,
// date, (optionally) period, amount and status, in the viewer's locale and time zone. Labels come translated
// from the page, which knows its own namespace. At phone width the date and period move under the number so
// the amount and the status stay on screen without scrolling sideways.
import Link from 'next/link';
import { InvoiceStatusBadge } from '@/components/status-badge';
import type { InvoiceStatus } from '@/db/queries/billing';
import { formatDate, formatMoney } from '@/lib/i18n/format';


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

export function InvoiceTable({
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
  const date = (value: Date) => formatDate(value, locale, timeZone);
  return (
    <div className={className ? `table-wrap ${className}` : 'table-wrap'} tabIndex={0} role="region" aria-label={labels.region}>
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{labels.number}</th>
            <th scope="col" className="hidden sm:table-cell">
              {labels.date}
            </th>
            {labels.period ? (
              <th scope="col" className="hidden md:table-cell">
                {labels.period}
              </th>
            ) : null}
            <th scope="col" className="num">
              {labels.amount}
            </th>
            <th scope="col">{labels.status}</th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((invoice) => {
            const number = invoice.number ?? invoice.id;
            const period =
              invoice.periodStart && invoice.periodEnd && invoice.periodEnd > invoice.periodStart
                ? `${date(invoice.periodStart)} – ${date(invoice.periodEnd)}`
                : null;
            return (
              <tr key={invoice.id}>
                <td>
                  <span className="font-mono text-xs">
                    {link ? (
                      <Link href={link.href(invoice)} aria-label={link.label(number)}>
                        {number}
                      </Link>
                    ) : (
                      number
                    )}
                  </span>
                  {/* Phone width: the hidden columns' content, under the number. */}
                  <span className="block text-xs text-slate-600 sm:hidden">{date(invoice.created)}</span>
                  {labels.period && period ? <span className="block text-xs text-slate-600 md:hidden">{period}</span> : null}
                </td>
                <td className="hidden sm:table-cell">{date(invoice.created)}</td>
                {labels.period ? (
                  <td className="hidden md:table-cell" data-testid="invoice-period">
                    {period ?? '—'}
                  </td>
                ) : null}
                <td className="num">{formatMoney(invoice.total, invoice.currency, locale)}</td>
                <td>
                  <InvoiceStatusBadge status={invoice.status} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
