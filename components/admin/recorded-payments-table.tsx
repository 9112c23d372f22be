// The payments on an invoice for operators: card payments and payments recorded outside Stripe (method,
// reference, date received). Server component; rows come from the mirror. At phone width the method, reference and
// status move under the date, so the amount stays on screen beside it.
import { getTranslations } from '@/lib/i18n/server';
import type { InvoicePaymentRecord } from '@/db/queries/invoice-adjustments';

const METHODS = ['bank_transfer', 'cash', 'local_currency', 'other'] as const;
const PAYMENT_STATUSES = ['paid', 'open', 'canceled'] as const;

function isKnown<T extends string>(known: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (known as readonly string[]).includes(value);
}

export async function RecordedPaymentsTable(props: { payments: InvoicePaymentRecord[]; money: (n: number) => string; date: (d: Date) => string }) {
  const t = await getTranslations('backOffice.payments');
  // The record carries the method Seikyu recorded (`metadata.method`); Stripe's display name is only English.
  const methodName = (p: InvoicePaymentRecord) => {
    const method = (p.data as { record?: { metadata?: Record<string, string> } | null } | null)?.record?.metadata?.method;
    return isKnown(METHODS, method) ? t(`methods.${method}`) : (p.methodLabel ?? '—');
  };
  if (props.payments.length === 0) return <p className="mt-3 text-sm text-slate-600">{t('none')}</p>;
  const status = (p: InvoicePaymentRecord) => (isKnown(PAYMENT_STATUSES, p.status) ? t(`statuses.${p.status}`) : p.status);
  return (
    <div className="table-wrap mt-3" tabIndex={0} role="region" aria-label={t('title')}>
      <table className="table" data-testid="admin-invoice-recorded-payments">
        <thead>
          <tr>
            <th scope="col">{t('colReceived')}</th>
            <th scope="col" className="hidden sm:table-cell">
              {t('colMethod')}
            </th>
            <th scope="col" className="hidden sm:table-cell">
              {t('colReference')}
            </th>
            <th scope="col" className="hidden sm:table-cell">
              {t('colStatus')}
            </th>
            <th scope="col" className="num">
              {t('colAmount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.payments.map((p) => {
            const method = p.type === 'payment_record' ? methodName(p) : t('card');
            return (
              <tr key={p.id}>
                <td className="whitespace-normal">
                  {p.receivedAt ? props.date(p.receivedAt) : p.paidAt ? props.date(p.paidAt) : '—'}
                  {/* Phone width: how it was paid, its reference and where it stands, under its date. */}
                  <span className="block text-xs text-slate-600 sm:hidden" data-testid="recorded-payment-details">
                    {method} · {status(p)}
                    {p.reference ? <span className="block break-all font-mono">{p.reference}</span> : null}
                  </span>
                </td>
                <td className="hidden sm:table-cell">{method}</td>
                <td className="hidden font-mono text-xs sm:table-cell">{p.reference ?? '—'}</td>
                <td className="hidden sm:table-cell">{status(p)}</td>
                <td className="num align-top sm:align-middle" data-testid="recorded-payment-amount">
                  {props.money(p.amountPaid ?? p.amountRequested)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
