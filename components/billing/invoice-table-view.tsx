'use client';
// The invoice table's markup (components/billing/invoice-table.tsx computes its rows on the server). A client
// component so a page view sends the table once as rows of text rather than every cell twice (in the HTML and
// again in the RSC payload); it has no state and nothing to do in the browser.
import Link from 'next/link';
import type { InvoiceTableLabels } from './invoice-table';

/** One row as shown: every text already in the viewer's language, locale and time zone. */
export type InvoiceTableViewRow = {
  id: string;
  number: string;
  /** The invoice's page and the link's accessible name ("View invoice ABC-0001"), when the number links. */
  link: { href: string; label: string } | null;
  date: string;
  period: string | null;
  amount: string;
  status: { label: string; className: string };
};

export function InvoiceTableView({
  rows,
  labels,
  testId,
  className,
}: {
  rows: InvoiceTableViewRow[];
  labels: InvoiceTableLabels;
  testId?: string;
  className?: string;
}) {
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
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <span className="font-mono text-xs">
                  {row.link ? (
                    <Link href={row.link.href} aria-label={row.link.label}>
                      {row.number}
                    </Link>
                  ) : (
                    row.number
                  )}
                </span>
                {/* Phone width: the hidden columns' content, under the number. */}
                <span className="block text-xs text-slate-600 sm:hidden">{row.date}</span>
                {labels.period && row.period ? <span className="block text-xs text-slate-600 md:hidden">{row.period}</span> : null}
              </td>
              <td className="hidden sm:table-cell">{row.date}</td>
              {labels.period ? (
                <td className="hidden md:table-cell" data-testid="invoice-period">
                  {row.period ?? '—'}
                </td>
              ) : null}
              <td className="num">{row.amount}</td>
              <td>
                <span className={row.status.className}>{row.status.label}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
