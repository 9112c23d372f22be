// The invoices on the operators' customer page: each number opens the operator's invoice view; open invoices
// show their due date and what remains to be paid, and bank-transfer invoices are marked as such.
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { InvoiceStatusBadge } from '@/components/status-badge';
import type { InvoiceSummaryRecord } from '@/db/queries/invoices';
import { formatDate, formatMoney } from '@/lib/i18n/format';

export async function OperatorInvoiceTable({ invoices, locale, timeZone }: { invoices: readonly InvoiceSummaryRecord[]; locale: string; timeZone: string }) {
  const [t, tOverview] = await Promise.all([getTranslations('admin'), getTranslations('overview')]);
  const date = (value: Date) => formatDate(value, locale, timeZone);
  return (
    <div className="table-wrap mt-3" tabIndex={0} role="region" aria-label={t('invoices')}>
      <table className="table" data-testid="admin-invoices">
        <thead>
          <tr>
            <th scope="col">{tOverview('invoiceNumber')}</th>
            <th scope="col" className="hidden sm:table-cell">
              {tOverview('invoiceDate')}
            </th>
            <th scope="col" className="num">
              {tOverview('invoiceAmount')}
            </th>
            <th scope="col">{tOverview('invoiceStatus')}</th>
            <th scope="col" className="hidden md:table-cell">
              {t('dueDate')}
            </th>
            <th scope="col" className="num hidden md:table-cell">
              {t('amountRemaining')}
            </th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((invoice) => {
            const number = invoice.number ?? invoice.id;
            const open = invoice.status === 'open';
            return (
              <tr key={invoice.id}>
                <td className="font-mono text-xs">
                  <Link href={`/admin/invoices/${invoice.id}`} aria-label={t('viewInvoice', { number })}>
                    {number}
                  </Link>
                  {/* At phone width the date, due date and remaining columns fold into the cells that stay. */}
                  <span className="block font-sans text-slate-500 sm:hidden">{date(invoice.stripeCreated)}</span>
                </td>
                <td className="hidden sm:table-cell">{date(invoice.stripeCreated)}</td>
                <td className="num">
                  {formatMoney(invoice.total, invoice.currency, locale)}
                  {open ? (
                    <span className="block text-xs text-slate-600 md:hidden">
                      {t('amountRemaining')} {formatMoney(invoice.amountRemaining, invoice.currency, locale)}
                    </span>
                  ) : null}
                </td>
                <td>
                  <span className="flex flex-wrap gap-1">
                    <InvoiceStatusBadge status={invoice.status} />
                    {invoice.collectionMethod === 'send_invoice' ? <span className="badge-gray">{t('bankTransfer')}</span> : null}
                  </span>
                  {open && invoice.dueDate ? (
                    <span className="mt-1 block whitespace-normal text-xs text-slate-600 md:hidden">
                      {t('dueDate')} {date(invoice.dueDate)}
                    </span>
                  ) : null}
                </td>
                <td className="hidden md:table-cell">{open && invoice.dueDate ? date(invoice.dueDate) : '—'}</td>
                <td className="num hidden md:table-cell">{open ? formatMoney(invoice.amountRemaining, invoice.currency, locale) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
