'use client';
// Checkout for a paid plan: the card in <PaymentElement> (deferred intent), optional promotion codes, one
// "Subscribe" button. On submit: validate the Element, ask the server to create the subscription (it returns
// only a client secret), confirm with Stripe.js (3-D Secure in Stripe's modal), then let the server verify and
// retire the free tier. The secret is kept: after a decline the customer retries the same subscription with
// another card, never a second one.
import { PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { useRouter } from 'next/navigation';
import { useAction } from 'next-safe-action/hooks';
import { useId, useRef, useState, type FormEvent } from 'react';
import { StripeElementsClient } from '@/components/stripe/stripe-elements-client';
import type { StripeBrowserSetup } from '@/components/stripe/load-stripe-js';
import { finishSubscriptionAction } from '@/lib/actions/billing/finish-subscription';
import { startSubscriptionAction } from '@/lib/actions/billing/start-subscription';
import { declineMessageFor, type DeclineMessageKey, type StripeJsError } from './decline-message';

export type CheckoutLabels = {
  card: string;
  promotionCode: string;
  promotionCodeHelp: string;
  addCode: string;
  removeCode: string;
  subscribe: string;
  subscribing: string;
  loadError: string;
  invalidInput: string;
  notActive: string;
  declines: Record<DeclineMessageKey, string>;
};

export type CheckoutFormProps = {
  organizationId: string;
  priceId: string;
  quantity: number;
  attempt: string;
  amount: number;
  currency: string;
  locale: string;
  setup: StripeBrowserSetup;
  successPath: string;
  maxPromotionCodes: number;
  labels: CheckoutLabels;
};

type Started = { subscriptionId: string; intent: { kind: 'payment' | 'setup'; clientSecret: string } | { kind: 'none' } };

function CheckoutFields(props: CheckoutFormProps) {
  const { labels } = props;
  const id = useId();
  const stripe = useStripe();
  const elements = useElements();
  const router = useRouter();
  const start = useAction(startSubscriptionAction);
  const finish = useAction(finishSubscriptionAction);
  const [codes, setCodes] = useState<string[]>([]);
  const [codeDraft, setCodeDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const started = useRef<Started | null>(null);
  // Once the subscription exists its codes are fixed: retries after a decline confirm the same one.
  const [locked, setLocked] = useState(false);

  function showStripeError(stripeError: StripeJsError) {
    const message = declineMessageFor(stripeError);
    setError('text' in message ? message.text : labels.declines[message.key]);
  }

  function addCode() {
    const code = codeDraft.trim().toUpperCase();
    if (!code || codes.includes(code) || codes.length >= props.maxPromotionCodes) return;
    setCodes([...codes, code]);
    setCodeDraft('');
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!stripe || !elements || busy) return;
    setBusy(true);
    setError(null);
    try {
      const submitted = await elements.submit();
      if (submitted.error) {
        showStripeError(submitted.error);
        return;
      }
      if (!started.current) {
        const result = await start.executeAsync({
          organizationId: props.organizationId,
          priceId: props.priceId,
          quantity: props.quantity,
          promotionCodes: codes,
          attempt: props.attempt,
        });
        if (result?.serverError) {
          setError(result.serverError.error);
          return;
        }
        if (!result?.data) {
          setError(labels.invalidInput);
          return;
        }
        started.current = result.data;
        setLocked(true);
      }
      const { subscriptionId, intent } = started.current;
      if (intent.kind === 'payment') {
        const confirmed = await stripe.confirmPayment({ elements, clientSecret: intent.clientSecret, redirect: 'if_required' });
        if (confirmed.error) {
          showStripeError(confirmed.error);
          return;
        }
      } else if (intent.kind === 'setup') {
        const confirmed = await stripe.confirmSetup({ elements, clientSecret: intent.clientSecret, redirect: 'if_required' });
        if (confirmed.error) {
          showStripeError(confirmed.error);
          return;
        }
      }
      const finished = await finish.executeAsync({ organizationId: props.organizationId, subscriptionId });
      if (finished?.serverError) {
        setError(finished.serverError.error);
        return;
      }
      if (finished?.data?.status !== 'active' && finished?.data?.status !== 'trialing') {
        setError(labels.notActive);
        return;
      }
      router.push(props.successPath);
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate data-testid="checkout-form">
      <div role="group" aria-label={labels.card} className="min-w-0">
        <div data-testid="payment-element" className="w-full min-w-0">
          <PaymentElement />
        </div>
      </div>

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

      {error ? (
        <p className="alert-error" role="alert" data-testid="checkout-error">
          {error}
        </p>
      ) : null}

      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={!stripe || !elements || busy} aria-busy={busy}>
        {busy ? labels.subscribing : labels.subscribe}
      </button>
    </form>
  );
}

export function CheckoutForm(props: CheckoutFormProps) {
  return (
    <StripeElementsClient
      setup={props.setup}
      intent={{ mode: 'subscription', amount: props.amount, currency: props.currency }}
      locale={props.locale}
      loadErrorMessage={props.labels.loadError}
    >
      <CheckoutFields {...props} />
    </StripeElementsClient>
  );
}
