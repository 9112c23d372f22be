'use client';
// Issues a credit note on an open or paid invoice: by amount or by line, with a reason, and on a paid invoice
// where the money goes. Preview first (Stripe computes the note, nothing is written), then issue what was
// previewed. `attempt` is issued by the page with each render, so a double click issues one credit note.
import { useAction } from 'next-safe-action/hooks';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { issueCreditNoteAction } from '@/lib/actions/admin/issue-credit-note';
import { previewCreditNoteAction } from '@/lib/actions/admin/preview-credit-note';
import { creditNoteReasons, creditNoteSettlements } from '@/lib/back-office/adjustment-options';
import type { CreditNotePreview, CreditTaxRate } from '@/lib/back-office/credit-notes';
import { fillTemplate } from '@/lib/i18n/fill-template';
import { formatMoney, labelled } from '@/lib/i18n/format';
import { useHydrated } from '@/components/ui/use-hydrated';

type Reason = (typeof creditNoteReasons)[number];
type Settlement = (typeof creditNoteSettlements)[number];

/** `backOffice.creditNotes`, built on the server; `previewTotal`, `confirm` and `issued` are raw templates. */
export type CreditNoteLabels = {
  issueLeadOpen: string;
  issueLeadPaid: string;
  by: string;
  byAmount: string;
  byLines: string;
  amount: string;
  quantity: string;
  taxRate: string;
  /** `{rate}`: a rate as the select offers it. */
  taxRateOption: Record<'inclusive' | 'exclusive', string>;
  /** `{rate}`: what the typed amount means at that rate. */
  amountHint: Record<'inclusive' | 'exclusive', string>;
  /** `{rate}`, `{amount}`: the tax the previewed note returns. */
  previewTax: Record<'inclusive' | 'exclusive', string>;
  reason: string;
  reasons: Record<Reason, string>;
  settlement: string;
  settlements: Record<Settlement, string>;
  memo: string;
  preview: string;
  previewing: string;
  /** `{amount}` */
  previewTotal: string;
  issue: string;
  issuing: string;
  /** `{amount}` */
  confirm: string;
  /** `{number}` */
  issued: string;
  badAmount: string;
  cancel: string;
};

export function CreditNoteForm(props: {
  invoiceId: string;
  currency: string;
  attempt: string;
  paid: boolean;
  paidByCard: boolean;
  lines: { id: string; description: string; quantity: number }[];
  /** The invoice's tax rates: a credit by amount is taxed at one of them (chosen here when there are several). */
  taxRates: CreditTaxRate[];
  locale: string;
  labels: CreditNoteLabels;
}) {
  const { labels, locale } = props;
  const router = useRouter();
  const preview = useAction(previewCreditNoteAction);
  const issue = useAction(issueCreditNoteAction);
  const hydrated = useHydrated();
  const [by, setBy] = useState<'amount' | 'lines'>('amount');
  const [amount, setAmount] = useState('');
  const [taxRate, setTaxRate] = useState(props.taxRates.length === 1 ? props.taxRates[0]!.id : '');
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [reason, setReason] = useState<Reason>('order_change');
  const [settlement, setSettlement] = useState<Settlement>('customer_balance');
  const [memo, setMemo] = useState('');
  const [previewed, setPreviewed] = useState<CreditNotePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submitting = useRef(false);
  const money = (n: number) => formatMoney(n, props.currency, locale);
  const behaviour = (rate: CreditTaxRate) => (rate.inclusive ? 'inclusive' : 'exclusive');
  const chosenRate = props.taxRates.find((r) => r.id === taxRate);
  // Stripe's text of a subscription line is English: the page's own description of the line is the reader's.
  const lineText = new Map(props.lines.map((l) => [l.id, l.description]));

  const input = () => ({
    invoiceId: props.invoiceId,
    by,
    amount: by === 'amount' ? amount : undefined,
    taxRate: by === 'amount' && taxRate ? taxRate : undefined,
    lines: by === 'lines' ? props.lines.map((l) => ({ lineId: l.id, quantity: Number(quantities[l.id] ?? 0) || 0 })) : undefined,
    reason,
    settlement,
    memo: memo || undefined,
  });
  // Any change invalidates the preview: what is issued must be what was confirmed.
  const edit = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPreviewed(null);
  };

  async function run(step: 'preview' | 'issue') {
    if (submitting.current) return;
    submitting.current = true;
    setBusy(true);
    setError(null);
    try {
      if (step === 'preview') {
        const result = await preview.executeAsync(input());
        if (result?.serverError) setError(result.serverError.error);
        else if (result?.validationErrors) setError(labels.badAmount);
        else if (result?.data) setPreviewed(result.data);
      } else {
        const result = await issue.executeAsync({ ...input(), attempt: props.attempt });
        if (result?.serverError) setError(result.serverError.error);
        else if (result?.data) {
          setDone(fillTemplate(labels.issued, { number: result.data.number }));
          setPreviewed(null);
          setAmount('');
          setQuantities({});
          setMemo('');
          router.refresh();
        }
      }
    } finally {
      submitting.current = false;
      setBusy(false);
    }
  }

  return (
    <form
      className="mt-3 grid gap-3 sm:grid-cols-2"
      data-testid="credit-note-form"
      onSubmit={(event) => {
        event.preventDefault();
        setDone(null);
        void run('preview');
      }}
    >
      <p className="text-sm text-slate-600 sm:col-span-2">{props.paid ? labels.issueLeadPaid : labels.issueLeadOpen}</p>
      <div>
        <label className="label" htmlFor="cn-by">
          {labels.by}
        </label>
        <select id="cn-by" className="input" value={by} onChange={(e) => edit(setBy)(e.target.value as 'amount' | 'lines')}>
          <option value="amount">{labels.byAmount}</option>
          <option value="lines">{labels.byLines}</option>
        </select>
      </div>
      {by === 'amount' ? (
        <>
          {props.taxRates.length > 1 ? (
            <div>
              <label className="label" htmlFor="cn-tax-rate">
                {labels.taxRate}
              </label>
              <select id="cn-tax-rate" className="input" required value={taxRate} onChange={(e) => edit(setTaxRate)(e.target.value)}>
                <option value="" disabled>
                  —
                </option>
                {props.taxRates.map((rate) => (
                  <option key={rate.id} value={rate.id}>
                    {fillTemplate(labels.taxRateOption[behaviour(rate)], { rate: rate.percentage })}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div>
            <label className="label" htmlFor="cn-amount">
              {locale === 'ja' ? `${labels.amount}（${props.currency.toUpperCase()}）` : `${labels.amount} (${props.currency.toUpperCase()})`}
            </label>
            <input
              id="cn-amount"
              className="input"
              inputMode="decimal"
              required
              aria-describedby={chosenRate ? 'cn-amount-hint' : undefined}
              value={amount}
              onChange={(e) => edit(setAmount)(e.target.value)}
            />
            {chosenRate ? (
              <p id="cn-amount-hint" className="mt-1 text-xs text-slate-600">
                {fillTemplate(labels.amountHint[behaviour(chosenRate)], { rate: chosenRate.percentage })}
              </p>
            ) : null}
          </div>
        </>
      ) : (
        <fieldset className="space-y-2 sm:col-span-2">
          <legend className="label">{labels.quantity}</legend>
          {props.lines.map((line) => (
            <div key={line.id} className="flex items-center gap-3">
              <input
                id={`cn-line-${line.id}`}
                type="number"
                min={0}
                max={line.quantity}
                className="input w-24"
                value={quantities[line.id] ?? '0'}
                onChange={(e) => edit((v: string) => setQuantities((q) => ({ ...q, [line.id]: v })))(e.target.value)}
              />
              <label htmlFor={`cn-line-${line.id}`} className="text-sm">
                {line.description} (× {line.quantity})
              </label>
            </div>
          ))}
        </fieldset>
      )}
      <div>
        <label className="label" htmlFor="cn-reason">
          {labels.reason}
        </label>
        <select id="cn-reason" className="input" value={reason} onChange={(e) => edit(setReason)(e.target.value as Reason)}>
          {creditNoteReasons.map((r) => (
            <option key={r} value={r}>
              {labels.reasons[r]}
            </option>
          ))}
        </select>
      </div>
      {props.paid ? (
        <div>
          <label className="label" htmlFor="cn-settlement">
            {labels.settlement}
          </label>
          <select id="cn-settlement" className="input" value={settlement} onChange={(e) => edit(setSettlement)(e.target.value as Settlement)}>
            {creditNoteSettlements
              .filter((s) => s !== 'refund_to_card' || props.paidByCard)
              .map((s) => (
                <option key={s} value={s}>
                  {labels.settlements[s]}
                </option>
              ))}
          </select>
        </div>
      ) : null}
      <div className="sm:col-span-2">
        <label className="label" htmlFor="cn-memo">
          {labels.memo}
        </label>
        <input id="cn-memo" className="input" maxLength={500} value={memo} onChange={(e) => edit(setMemo)(e.target.value)} />
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
      {previewed ? (
        <div className="alert-info space-y-3 sm:col-span-2" role="alertdialog" aria-label={labels.issue} data-testid="credit-note-preview">
          <p>{fillTemplate(labels.previewTotal, { amount: money(previewed.total) })}</p>
          <ul className="list-disc pl-5 text-sm">
            {previewed.lines.map((l, i) => (
              <li key={i}>
                {labelled(
                  `${(l.invoiceLineItem ? lineText.get(l.invoiceLineItem) : undefined) ?? l.description ?? '—'}${l.quantity && (l.invoiceLineItem || l.quantity !== 1) ? ` × ${l.quantity}` : ''}`,
                  money(l.amount),
                  locale,
                )}
              </li>
            ))}
            {previewed.taxes.map((tax, i) => (
              <li key={`tax-${i}`}>
                {fillTemplate(labels.previewTax[tax.inclusive ? 'inclusive' : 'exclusive'], { rate: tax.percentage ?? '—', amount: money(tax.amount) })}
              </li>
            ))}
          </ul>
          <p>{fillTemplate(labels.confirm, { amount: money(previewed.total) })}</p>
          <div className="flex gap-2">
            <button type="button" className="btn-primary" disabled={busy} onClick={() => void run('issue')}>
              {busy ? labels.issuing : labels.issue}
            </button>
            <button type="button" className="btn-secondary" disabled={busy} onClick={() => setPreviewed(null)}>
              {labels.cancel}
            </button>
          </div>
        </div>
      ) : (
        <div className="sm:col-span-2">
          <button type="submit" className="btn-secondary" disabled={busy || !hydrated}>
            {busy ? labels.previewing : labels.preview}
          </button>
        </div>
      )}
    </form>
  );
}
