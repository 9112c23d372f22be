'use client';
// Checkout for a paid plan: the card in <PaymentElement> (deferred intent), optional promotion codes, one
// "Subscribe" button. A code is checked by the server when it is added (previewCheckoutAction): accepted, it
// joins the list and the summary shows Stripe's preview of the first invoice with every accepted code (each
// discount, the tax, the amount due, which the button and the Payment Element also carry); refused, its sentence
// shows beside the field and nothing changes. Removing a code previews again without it.
//
// The payment itself is `useDeferredPayment`: starting creates the subscription with the accepted codes (the
// server checks and computes everything again; it returns only a client secret, a SetupIntent when nothing is due
// today), finishing lets the server verify and retire the free tier. After a decline the customer retries the same
// subscription with another card, never a second one.
import { useElements } from '@stripe/react-stripe-js';
import { useAction } from 'next-safe-action/hooks';
import { useEffect, useId, useState } from 'react';
import { finishSubscriptionAction } from '@/lib/actions/billing/finish-subscription';
import { previewCheckoutAction } from '@/lib/actions/billing/preview-checkout';
import { startSubscriptionAction } from '@/lib/actions/billing/start-subscription';
import { useCheckoutAmounts, type CheckoutAmounts } from './checkout-amounts';
import { subscribeButtonText, type SubscribeButtonLabels } from './checkout-terms-text';
import { DeferredPaymentElements, DeferredPaymentForm } from './deferred-payment-form';
import {
  actionOutcome,
  useDeferredPayment,
  type DeferredPaymentLabels,
  type DeferredPaymentProps,
  type StartedIntent,
} from './use-deferred-payment';

export type CheckoutLabels = DeferredPaymentLabels & {
  promotionCode: string;
  promotionCodeHelp: string;
  addCode: string;
  removeCode: string;
  /** While a code is being checked. */
  checkingCode: string;
  /** The button's templates, raw: it says the amount due today, which follows the codes. */
  button: SubscribeButtonLabels;
  subscribing: string;
  notActive: string;
  /** The authorization for recurring charges, shown above the button. */
  authorization: string;
};

export type CheckoutFormProps = DeferredPaymentProps<CheckoutLabels> & { quantity: number; maxPromotionCodes: number };

type Started = { subscriptionId: string; intent: StartedIntent };

type Preview = NonNullable<Awaited<ReturnType<typeof previewCheckoutAction>>['data']>;

/** The server's preview as the summary shows it. */
function amountsOf(preview: Preview): CheckoutAmounts {
  return {
    currency: preview.currency,
    discounts: preview.discounts.map((d) => ({ code: d.code, name: d.name, terms: d.terms, amount: d.amount, continues: d.duration !== 'once' })),
    taxes: preview.taxes,
    amountDue: preview.amountDue,
  };
}

function CheckoutFields(props: CheckoutFormProps) {
  const { labels } = props;
  const id = useId();
  const elements = useElements();
  const { amounts, initial, setAmounts } = useCheckoutAmounts();
  const start = useAction(startSubscriptionAction);
  const finish = useAction(finishSubscriptionAction);
  const preview = useAction(previewCheckoutAction);
  const [codes, setCodes] = useState<string[]>([]);
  const [codeDraft, setCodeDraft] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const payment = useDeferredPayment<Started>({
    declines: labels.declines,
    start: async () =>
      actionOutcome(
        await start.executeAsync({
          organizationId: props.organizationId,
          priceId: props.priceId,
          quantity: props.quantity,
          promotionCodes: codes,
          attempt: props.attempt,
        }),
        labels.invalidInput,
      ),
    finish: async ({ subscriptionId }) => {
      const finished = await finish.executeAsync({ organizationId: props.organizationId, subscriptionId });
      if (finished?.serverError) return { error: finished.serverError.error };
      if (finished?.data?.status !== 'active' && finished?.data?.status !== 'trialing') return { error: labels.notActive };
      return { next: props.successPath };
    },
  });
  // Once the subscription exists its codes are fixed: retries after a decline confirm the same one.
  const { locked, busy } = payment;
  const checking = preview.isPending;

  // 3-D Secure and wallets show the amount the Element carries: keep it the previewed amount due.
  useEffect(() => {
    elements?.update({ amount: amounts.amountDue });
  }, [elements, amounts.amountDue]);

  /** Previews with `next` codes; accepted, they become the list. Returns the refusal sentence, or null. */
  async function previewWith(next: string[]): Promise<string | null> {
    if (next.length === 0) {
      setCodes([]);
      setAmounts(initial);
      return null;
    }
    const result = await preview.executeAsync({ organizationId: props.organizationId, priceId: props.priceId, quantity: props.quantity, promotionCodes: next });
    const outcome = actionOutcome(result, labels.invalidInput);
    if ('error' in outcome) return outcome.error;
    setCodes(outcome.data.codes);
    setAmounts(amountsOf(outcome.data));
    return null;
  }

  async function addCode() {
    const code = codeDraft.trim().toUpperCase();
    if (!code || checking || codes.length >= props.maxPromotionCodes) return;
    if (codes.includes(code)) {
      setCodeDraft('');
      return;
    }
    setCodeError(null);
    const refused = await previewWith([...codes, code]);
    // A refused code is not added: the list, the summary and the button stay as they were.
    if (refused) setCodeError(refused);
    else setCodeDraft('');
  }

  async function removeCode(code: string) {
    setCodeError(null);
    const refused = await previewWith(codes.filter((c) => c !== code));
    // The codes left no longer preview (one expired meanwhile): back to none, with the reason.
    if (refused) {
      setCodeError(refused);
      await previewWith([]);
    }
  }

  const button = subscribeButtonText(amounts.amountDue, amounts.currency, props.locale, labels.button);
  const describedBy = [`${id}-code-help`, codeError ? `${id}-code-error` : null].filter(Boolean).join(' ');

  return (
    <DeferredPaymentForm
      testId="checkout-form"
      cardLabel={labels.card}
      submitLabel={button}
      busyLabel={labels.subscribing}
      error={payment.error}
      busy={busy}
      // Never pay while a code is being checked: the button would say an amount about to change.
      ready={payment.ready && !checking}
      onSubmit={payment.onSubmit}
      terms={
        <p className="text-xs text-slate-600" data-testid="checkout-authorization">
          {labels.authorization}
        </p>
      }
      beforeCard={
        <div>
          <label htmlFor={`${id}-code`} className="label">
            {labels.promotionCode}
          </label>
          <div className="flex gap-2">
            <input
              id={`${id}-code`}
              value={codeDraft}
              onChange={(e) => setCodeDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void addCode();
                }
              }}
              maxLength={100}
              autoComplete="off"
              disabled={locked || busy || codes.length >= props.maxPromotionCodes}
              className="input flex-1"
              aria-describedby={describedBy}
              aria-invalid={codeError ? true : undefined}
            />
            <button type="button" className="btn-secondary" onClick={() => void addCode()} disabled={locked || busy || checking || !codeDraft.trim()}>
              {labels.addCode}
            </button>
          </div>
          <p id={`${id}-code-help`} className="mt-1 text-xs text-slate-600" aria-live="polite">
            {checking ? labels.checkingCode : labels.promotionCodeHelp}
          </p>
          {codeError ? (
            <p id={`${id}-code-error`} className="alert-error mt-2" role="alert" data-testid="promotion-code-error">
              {codeError}
            </p>
          ) : null}
          {codes.length > 0 ? (
            <ul className="mt-2 flex flex-wrap gap-2" aria-label={labels.promotionCode} data-testid="promotion-codes">
              {codes.map((code) => (
                <li key={code} className="badge-blue inline-flex items-center gap-1">
                  <span className="font-mono">{code}</span>
                  {!locked ? (
                    <button
                      type="button"
                      className="ml-1 text-xs underline"
                      onClick={() => void removeCode(code)}
                      disabled={busy || checking}
                      aria-label={`${labels.removeCode} ${code}`}
                    >
                      ×
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      }
    />
  );
}

export function CheckoutForm(props: CheckoutFormProps) {
  return (
    <DeferredPaymentElements mode="subscription" props={props}>
      <CheckoutFields {...props} />
    </DeferredPaymentElements>
  );
}
