// The payments on an invoice for operators: card payments and payments recorded outside Stripe (method,
// reference, date received). Server component; rows come from the mirror, with what paid the invoice that no
// mirrored payment shows (a card payment not read yet, an invoice marked paid outside Stripe) as a row of its own,
// so a paid invoice never reads "no payments". At phone width the method, reference and status move under the
// date, so the amount stays on screen beside it.
import { getTranslations } from '@/lib/i18n/server';
import type { InvoicePaymentRecord } from '@/db/queries/invoice-adjustments';
import { isOffStripePaymentMethod } from '@/lib/back-office/adjustment-options';
import type { UnlistedPayment } from '@/lib/back-office/unlisted-payments';

const PAYMENT_STATUSES = ['paid', 'open', 'canceled'] as const;

function isKnown<T extends string>(known: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (known as readonly string[]).includes(value);
}

export async function RecordedPaymentsTable(props: {
  payments: InvoicePaymentRecord[];
  /** Money on the invoice that `payments` does not account for (lib/back-office/unlisted-payments). */
  unlisted?: readonly UnlistedPayment[];
  money: (n: number) => string;
  date: (d: Date) => string;
}) {
  const t = await getTranslations('backOffice.payments');
  // The record carries the method Seikyu recorded (`metadata.method`); Stripe's display name is only English.
  const methodName = (p: InvoicePaymentRecord) => {
    const method = (p.data as { record?: { metadata?: Record<string, string> } | null } | null)?.record?.metadata?.method;
    return isOffStripePaymentMethod(method) ? t(`methods.${method}`) : (p.methodLabel ?? '—');
  };
  const unlisted = props.unlisted ?? [];
  if (props.payments.length === 0 && unlisted.length === 0) return <p className="mt-3 text-sm text-slate-600">{t('none')}</p>;
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
          {[
            ...props.payments.map((p) => ({
              key: p.id,
              at: p.receivedAt ?? p.paidAt,
              method: p.type === 'payment_record' ? methodName(p) : t('card'),
              reference: p.reference,
              status: status(p),
              amount: p.amountPaid ?? p.amountRequested,
            })),
            ...unlisted.map((u) => ({
              key: `unlisted:${u.method}`,
              at: u.paidAt,
              method: u.method === 'card' ? t('card') : t('outsideStripe'),
              reference: null,
              status: t('statuses.paid'),
              amount: u.amount,
            })),
          ].map((row) => (
            <tr key={row.key}>
              <td className="whitespace-normal">
                {row.at ? props.date(row.at) : '—'}
                {/* Phone width: how it was paid, its reference and where it stands, under its date. */}
                <span className="block text-xs text-slate-600 sm:hidden" data-testid="recorded-payment-details">
                  {row.method} · {row.status}
                  {row.reference ? <span className="block break-all font-mono">{row.reference}</span> : null}
                </span>
              </td>
              <td className="hidden sm:table-cell">{row.method}</td>
              <td className="hidden font-mono text-xs sm:table-cell">{row.reference ?? '—'}</td>
              <td className="hidden sm:table-cell">{row.status}</td>
              <td className="num align-top sm:align-middle" data-testid="recorded-payment-amount">
                {props.money(row.amount)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
