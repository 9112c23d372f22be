// The payments on an invoice for operators: card payments and payments recorded outside Stripe (method,
// reference, date received). Server component; rows come from the mirror.
import { getTranslations } from 'next-intl/server';
import type { InvoicePaymentRecord } from '@/db/queries/invoice-adjustments';

export async function RecordedPaymentsTable(props: { payments: InvoicePaymentRecord[]; money: (n: number) => string; date: (d: Date) => string }) {
  const t = await getTranslations('backOffice.payments');
  if (props.payments.length === 0) return <p className="mt-3 text-sm text-slate-600">{t('none')}</p>;
  return (
    <div className="table-wrap mt-3" tabIndex={0} role="region" aria-label={t('title')}>
      <table className="table" data-testid="admin-invoice-recorded-payments">
        <thead>
          <tr>
            <th scope="col">{t('colReceived')}</th>
            <th scope="col">{t('colMethod')}</th>
            <th scope="col">{t('colReference')}</th>
            <th scope="col">{t('colStatus')}</th>
            <th scope="col" className="num">
              {t('colAmount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.payments.map((p) => (
            <tr key={p.id}>
              <td>{p.receivedAt ? props.date(p.receivedAt) : p.paidAt ? props.date(p.paidAt) : '—'}</td>
              <td>{p.type === 'payment_record' ? (p.methodLabel ?? '—') : t('card')}</td>
              <td className="font-mono text-xs">{p.reference ?? '—'}</td>
              <td>{p.status}</td>
              <td className="num">{props.money(p.amountPaid ?? p.amountRequested)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
