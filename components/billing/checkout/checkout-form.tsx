'use client';
// Checkout for a paid plan: the card in <PaymentElement> (deferred intent), optional promotion codes, one
// "Subscribe" button. The payment itself is `useDeferredPayment`: starting creates the subscription (it returns
// only a client secret; a SetupIntent when nothing is due today), finishing lets the server verify and retire
// the free tier. After a decline the customer retries the same subscription with another card, never a second one.
import { useAction } from 'next-safe-action/hooks';
import { useId, useState } from 'react';
import { finishSubscriptionAction } from '@/lib/actions/billing/finish-subscription';
import { startSubscriptionAction } from '@/lib/actions/billing/start-subscription';
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
  /** The button, with what it charges today ("Pay ¥1,500 and subscribe"). */
  subscribe: string;
  subscribing: string;
  notActive: string;
  /** The authorization for recurring charges, shown above the button. */
  authorization: string;
};

export type CheckoutFormProps = DeferredPaymentProps<CheckoutLabels> & { quantity: number; maxPromotionCodes: number };

type Started = { subscriptionId: string; intent: StartedIntent };

function CheckoutFields(props: CheckoutFormProps) {
  const { labels } = props;
  const id = useId();
  const start = useAction(startSubscriptionAction);
  const finish = useAction(finishSubscriptionAction);
  const [codes, setCodes] = useState<string[]>([]);
  const [codeDraft, setCodeDraft] = useState('');
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

  function addCode() {
    const code = codeDraft.trim().toUpperCase();
    if (!code || codes.includes(code) || codes.length >= props.maxPromotionCodes) return;
    setCodes([...codes, code]);
    setCodeDraft('');
  }

  return (
    <DeferredPaymentForm
      testId="checkout-form"
      cardLabel={labels.card}
      submitLabel={labels.subscribe}
      busyLabel={labels.subscribing}
      error={payment.error}
      busy={busy}
      ready={payment.ready}
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
                  addCode();
                }
              }}
              maxLength={100}
              autoComplete="off"
              disabled={locked || busy || codes.length >= props.maxPromotionCodes}
              className="input flex-1"
              aria-describedby={`${id}-code-help`}
            />
            <button type="button" className="btn-secondary" onClick={addCode} disabled={locked || busy || !codeDraft.trim()}>
              {labels.addCode}
            </button>
          </div>
          <p id={`${id}-code-help`} className="mt-1 text-xs text-slate-600">
            {labels.promotionCodeHelp}
          </p>
          {codes.length > 0 ? (
            <ul className="mt-2 flex flex-wrap gap-2" aria-label={labels.promotionCode} data-testid="promotion-codes">
              {codes.map((code) => (
                <li key={code} className="badge-blue inline-flex items-center gap-1">
                  <span className="font-mono">{code}</span>
                  {!locked ? (
                    <button
                      type="button"
                      className="ml-1 text-xs underline"
                      onClick={() => setCodes(codes.filter((c) => c !== code))}
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
