// The lines of an invoice's totals after its total, shared by the customer's and the operators' invoice pages so
// the figures add up on both: the customer's balance applied and credit notes issued before payment (they lower
// what is due), what was paid, credit
// notes issued after payment (refunded or credited), and what remains. Rows of the page's <dl>; server component.
import { getTranslations } from '@/lib/i18n/server';
import { invoiceAppliedBalance, invoiceCreditNoteAmounts } from '@/lib/billing/invoices/invoice-details';

type SettledInvoice = { status: string; amountPaid: number; amountRemaining: number; data: unknown };

export async function InvoiceSettlementTotals(props: { invoice: SettledInvoice; money: (amount: number) => string; remainingLabel: string }) {
  const { invoice, money } = props;
  const t = await getTranslations('invoices');
  const credited = invoiceCreditNoteAmounts(invoice);
  const appliedBalance = invoiceAppliedBalance(invoice);
  return (
    <>
      {appliedBalance > 0 ? (
        <>
          <dt className="text-slate-600">{t('appliedBalance')}</dt>
          <dd className="num" data-testid="invoice-applied-balance">
            −{money(appliedBalance)}
          </dd>
        </>
      ) : null}
      {credited.beforePayment > 0 ? (
        <>
          <dt className="text-slate-600">{t('creditNotes')}</dt>
          <dd className="num" data-testid="invoice-credit-notes">
            −{money(credited.beforePayment)}
          </dd>
        </>
      ) : null}
      {invoice.amountPaid > 0 ? (
        <>
          <dt className="text-slate-600">{t('amountPaid')}</dt>
          <dd className="num">{money(invoice.amountPaid)}</dd>
        </>
      ) : null}
      {credited.afterPayment > 0 ? (
        <>
          <dt className="text-slate-600">{t('creditNotesAfterPayment')}</dt>
          <dd className="num" data-testid="invoice-credit-notes-after-payment">
            −{money(credited.afterPayment)}
          </dd>
        </>
      ) : null}
      {invoice.status === 'open' ? (
        <>
          <dt className="font-semibold text-slate-900">{props.remainingLabel}</dt>
          <dd className="num font-semibold text-slate-900" data-testid="amount-remaining">
            {money(invoice.amountRemaining)}
          </dd>
        </>
      ) : null}
    </>
  );
}
