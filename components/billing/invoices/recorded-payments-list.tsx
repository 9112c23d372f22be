// The payments a customer made outside Stripe on one invoice (a bank transfer, cash), as the company recorded them:
// the day each was received, how, and how much. Shown on the customer's invoice page beside the totals, so an invoice
// paid in parts says which part came when. Server component; rows come from the mirror.
import type { RecordedPaymentRow } from '@/db/queries/invoice-adjustments';
import { isOffStripePaymentMethod } from '@/lib/back-office/adjustment-options';
import { getTranslations } from '@/lib/i18n/server';

export async function RecordedPaymentsList(props: { payments: readonly RecordedPaymentRow[]; money: (amount: number) => string; date: (value: Date) => string }) {
  const [t, tPayments] = await Promise.all([getTranslations('invoices'), getTranslations('backOffice.payments')]);
  const method = (value: string | null) => tPayments(`methods.${isOffStripePaymentMethod(value) ? value : 'other'}`);
  return (
    <section className="card mt-6" aria-labelledby="payments-received-title" data-testid="invoice-payments-received">
      <h2 id="payments-received-title" className="card-title">
        {t('paymentsReceivedTitle')}
      </h2>
      <div className="table-wrap mt-3">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{tPayments('colReceived')}</th>
              <th scope="col">{tPayments('colMethod')}</th>
              <th scope="col" className="num">
                {tPayments('colAmount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.payments.map((payment) => {
              const day = payment.receivedAt ?? payment.paidAt;
              return (
                <tr key={payment.id}>
                  <td>{day ? props.date(day) : '—'}</td>
                  <td>{method(payment.method)}</td>
                  <td className="num">{payment.amountPaid === null ? '—' : props.money(payment.amountPaid)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
