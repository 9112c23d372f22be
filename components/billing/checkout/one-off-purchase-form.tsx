'use client';
// Buying a one-off item or the 30-day pass: the same deferred-intent Payment Element as checkout (mode
// `payment`). On submit: validate the Element, ask the server for the one-off invoice's client secret, confirm
// with Stripe.js (3-D Secure in Stripe's modal), then let the server verify the invoice is paid. The secret is
// kept: after a decline the customer retries the same invoice with another card, never a second one.
import { PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { useRouter } from 'next/navigation';
import { useAction } from 'next-safe-action/hooks';
import { useRef, useState, type FormEvent } from 'react';
import { StripeElementsClient } from '@/components/stripe/stripe-elements-client';
import type { StripeBrowserSetup } from '@/components/stripe/load-stripe-js';
import { finishOneOffPurchaseAction } from '@/lib/actions/billing/finish-one-off-purchase';
import { startOneOffPurchaseAction } from '@/lib/actions/billing/start-one-off-purchase';
import { declineMessageFor, type DeclineMessageKey, type StripeJsError } from './decline-message';

export type OneOffPurchaseLabels = {
  card: string;
  buy: string;
  buying: string;
  loadError: string;
  invalidInput: string;
  notPaid: string;
  declines: Record<DeclineMessageKey, string>;
};

export type OneOffPurchaseFormProps = {
  organizationId: string;
  priceId: string;
  attempt: string;
  amount: number;
  currency: string;
  locale: string;
  setup: StripeBrowserSetup;
  /** Where to go once paid; `{invoice}` is replaced by the invoice id. */
  successPath: string;
  labels: OneOffPurchaseLabels;
};

type Started = { invoiceId: string; intent: { kind: 'payment'; clientSecret: string } | { kind: 'none' } };

function PurchaseFields(props: OneOffPurchaseFormProps) {
  const { labels } = props;
  const stripe = useStripe();
  const elements = useElements();
  const router = useRouter();
  const start = useAction(startOneOffPurchaseAction);
  const finish = useAction(finishOneOffPurchaseAction);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const started = useRef<Started | null>(null);

  function showStripeError(stripeError: StripeJsError) {
    const message = declineMessageFor(stripeError);
    setError('text' in message ? message.text : labels.declines[message.key]);
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
        const result = await start.executeAsync({ organizationId: props.organizationId, priceId: props.priceId, attempt: props.attempt });
        if (result?.serverError) {
          setError(result.serverError.error);
          return;
        }
        if (!result?.data) {
          setError(labels.invalidInput);
          return;
        }
        started.current = result.data;
      }
      const { invoiceId, intent } = started.current;
      if (intent.kind === 'payment') {
        const confirmed = await stripe.confirmPayment({ elements, clientSecret: intent.clientSecret, redirect: 'if_required' });
        if (confirmed.error) {
          showStripeError(confirmed.error);
          return;
        }
      }
      const finished = await finish.executeAsync({ organizationId: props.organizationId, invoiceId });
      if (finished?.serverError) {
        setError(finished.serverError.error);
        return;
      }
      if (finished?.data?.status !== 'paid') {
        setError(labels.notPaid);
        return;
      }
      router.push(props.successPath.replace('{invoice}', invoiceId));
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate data-testid="purchase-form">
      <div role="group" aria-label={labels.card} className="min-w-0">
        <div data-testid="payment-element" className="w-full min-w-0">
          <PaymentElement />
        </div>
      </div>
      {error ? (
        <p className="alert-error" role="alert" data-testid="checkout-error">
          {error}
        </p>
      ) : null}
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={!stripe || !elements || busy} aria-busy={busy}>
        {busy ? labels.buying : labels.buy}
      </button>
    </form>
  );
}

export function OneOffPurchaseForm(props: OneOffPurchaseFormProps) {
  return (
    <StripeElementsClient
      setup={props.setup}
      intent={{ mode: 'payment', amount: props.amount, currency: props.currency }}
      locale={props.locale}
      loadErrorMessage={props.labels.loadError}
    >
      <PurchaseFields {...props} />
    </StripeElementsClient>
  );
}
