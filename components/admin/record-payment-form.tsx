'use client';
// Records a payment received outside Stripe on an open invoice. Two steps: the operator fills the form, then
// confirms the sentence that says what will be recorded (it cannot be undone), with the amount and the day written
// as the page writes them. An amount that is not a number, not positive or more than remains is named before that
// step; the server re-checks everything. Only the invoice's currency is offered: the server refuses any other.
// `attempt` is issued by the page with each render, so a double click records one payment.
import { useAction } from 'next-safe-action/hooks';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { recordPaymentAction } from '@/lib/actions/admin/record-payment';
import { paymentMethods, type OffStripePaymentMethod } from '@/lib/back-office/adjustment-options';
import { checkPaymentAmount } from '@/lib/back-office/amounts';
import { fillTemplate } from '@/lib/i18n/fill-template';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { ConfirmStep, useConfirmStep } from '@/components/ui/confirm-step';
import { useHydrated } from '@/components/ui/use-hydrated';

/** `backOffice.payments`, built on the server; `confirm`, `recorded` and `moreThanRemaining` are raw templates. */
export type RecordPaymentLabels = {
  fullAmountOnly: string;
  /** Names the invoice's currency: "Amount received (JPY)". */
  amount: string;
  method: string;
  methods: Record<OffStripePaymentMethod, string>;
  receivedOn: string;
  reference: string;
  submit: string;
  pending: string;
  /** `{amount}`, `{method}`, `{date}` */
  confirm: string;
  /** `{remaining}` */
  recorded: string;
  badAmount: string;
  notPositive: string;
  /** `{amount}`, `{remaining}` */
  moreThanRemaining: string;
  cancel: string;
};

/** A calendar day (YYYY-MM-DD) as the page writes dates ("Dec 7, 2026", "2026/12/07"): the day itself, in no zone. */
function formatDay(day: string, locale: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : formatDate(date, locale, 'UTC');
}

export function RecordPaymentForm(props: {
  invoiceId: string;
  currency: string;
  attempt: string;
  today: string;
  fullAmountOnly: boolean;
  /** The amount remaining, in major units as the operator types it (prefilled). */
  remaining: string;
  /** The same in the currency's minor unit: an amount above it is named before the confirmation. */
  remainingAmount: number;
  locale: string;
  labels: RecordPaymentLabels;
}) {
  const { labels, locale } = props;
  const router = useRouter();
  const record = useAction(recordPaymentAction);
  const hydrated = useHydrated();
  const [amount, setAmount] = useState(props.remaining);
  const { currency } = props;
  const [method, setMethod] = useState<OffStripePaymentMethod>('bank_transfer');
  const [receivedOn, setReceivedOn] = useState(props.today);
  const [reference, setReference] = useState('');
  const step = useConfirmStep();
  const confirming = step.asking !== null;
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submitting = useRef(false);

  async function submit() {
    if (submitting.current) return;
    submitting.current = true;
    setBusy(true);
    setError(null);
    try {
      const result = await record.executeAsync({ invoiceId: props.invoiceId, amount, currency, method, receivedOn, reference, attempt: props.attempt });
      if (result?.serverError) setError(result.serverError.error);
      else if (result?.validationErrors) setError(labels.badAmount);
      else if (result?.data) {
        setDone(fillTemplate(labels.recorded, { remaining: formatMoney(result.data.amountRemaining, currency, locale) }));
        setReference('');
        router.refresh();
      }
    } finally {
      step.close();
      submitting.current = false;
      setBusy(false);
    }
  }

  // The server's own rule, said before the confirmation (the server still refuses whatever is sent).
  const { amount: minor, problem } = checkPaymentAmount(amount, currency, props.remainingAmount);
  const problemText =
    problem === 'moreThanRemaining'
      ? fillTemplate(labels.moreThanRemaining, { amount: formatMoney(minor!, currency, locale), remaining: formatMoney(props.remainingAmount, currency, locale) })
      : problem
        ? labels[problem]
        : null;
  return (
    <form
      className="mt-3 grid gap-3 sm:grid-cols-2"
      data-testid="record-payment-form"
      onSubmit={(event) => {
        event.preventDefault();
        setDone(null);
        setError(problemText);
        if (problemText === null) step.ask();
        else step.dismiss();
      }}
    >
      {props.fullAmountOnly ? <p className="alert-info sm:col-span-2">{labels.fullAmountOnly}</p> : null}
      <div>
        <label className="label" htmlFor="record-amount">
          {labels.amount}
        </label>
        <input
          id="record-amount"
          className="input"
          inputMode="decimal"
          required
          value={amount}
          aria-invalid={error !== null && !confirming ? true : undefined}
          onChange={(e) => {
            setAmount(e.target.value);
            step.dismiss();
          }}
        />
      </div>
      <div>
        <label className="label" htmlFor="record-method">
          {labels.method}
        </label>
        <select id="record-method" className="input" value={method} onChange={(e) => setMethod(e.target.value as OffStripePaymentMethod)}>
          {paymentMethods.map((m) => (
            <option key={m} value={m}>
              {labels.methods[m]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label className="label" htmlFor="record-date">
          {labels.receivedOn}
        </label>
        <input id="record-date" type="date" className="input" required max={props.today} value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />
      </div>
      <div className="sm:col-span-2">
        <label className="label" htmlFor="record-reference">
          {labels.reference}
        </label>
        <input id="record-reference" className="input" required maxLength={200} value={reference} onChange={(e) => setReference(e.target.value)} />
      </div>
      {error ? (
        <p className="alert-error sm:col-span-2" role="alert">
          {error}
        </p>
      ) : null}
      {done ? (
        <p className="alert-info sm:col-span-2" role="status">
          {done}
        </p>
      ) : null}
      {confirming ? (
        <div className="sm:col-span-2">
          <ConfirmStep
            role="alertdialog"
            question={fillTemplate(labels.confirm, { amount: minor === null ? amount : formatMoney(minor, currency, locale), method: labels.methods[method], date: formatDay(receivedOn, locale) })}
            confirmLabel={labels.submit}
            pendingLabel={labels.pending}
            backLabel={labels.cancel}
            pending={busy}
            onConfirm={() => void submit()}
            onBack={step.close}
          />
        </div>
      ) : (
        <div className="sm:col-span-2">
          <button type="submit" ref={step.openerRef()} className="btn-primary" disabled={!hydrated}>
            {labels.submit}
          </button>
        </div>
      )}
    </form>
  );
}
