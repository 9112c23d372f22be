// The invoices on the operators' customer page: each number opens the operator's invoice view; open invoices
// show their due date and what remains to be paid, and bank-transfer invoices are marked as such.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { InvoiceStatusBadge } from '@/components/status-badge';
import type { InvoiceRecord } from '@/db/queries/invoices';
import { formatDate, formatMoney } from '@/lib/i18n/format';

export async function OperatorInvoiceTable({ invoices, locale, timeZone }: { invoices: readonly InvoiceRecord[]; locale: string; timeZone: string }) {
  const [t, tOverview] = await Promise.all([getTranslations('admin'), getTranslations('overview')]);
  const date = (value: Date) => formatDate(value, locale, timeZone);
  return (
    <div className="table-wrap mt-3" tabIndex={0} role="region" aria-label={t('invoices')}>
      <table className="table" data-testid="admin-invoices">
        <thead>
          <tr>
            <th scope="col">{tOverview('invoiceNumber')}</th>
            <th scope="col">{tOverview('invoiceDate')}</th>
            <th scope="col" className="num">
              {tOverview('invoiceAmount')}
            </th>
            <th scope="col">{tOverview('invoiceStatus')}</th>
            <th scope="col">{t('dueDate')}</th>
            <th scope="col" className="num">
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
                </td>
                <td>{date(invoice.stripeCreated)}</td>
                <td className="num">{formatMoney(invoice.total, invoice.currency, locale)}</td>
                <td>
                  <span className="flex flex-wrap gap-1">
                    <InvoiceStatusBadge status={invoice.status} />
                    {invoice.collectionMethod === 'send_invoice' ? <span className="badge-gray">{t('bankTransfer')}</span> : null}
                  </span>
                </td>
                <td>{open && invoice.dueDate ? date(invoice.dueDate) : '—'}</td>
                <td className="num">{open ? formatMoney(invoice.amountRemaining, invoice.currency, locale) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
