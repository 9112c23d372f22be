'use client';
// Adds a card: the server creates a SetupIntent, the Payment Element collects and confirms the card (3-D Secure
// when the card asks), then the server re-reads the intent and saves the card. Errors are Stripe's customer-facing
// sentences (a decline says why), never codes.
import { PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { useRouter } from 'next/navigation';
import { useAction } from 'next-safe-action/hooks';
import { useRef, useState, type FormEvent } from 'react';
import { StripeElementsClient } from '@/components/stripe/stripe-elements-client';
import type { StripeBrowserSetup } from '@/components/stripe/load-stripe-js';
import { finishAddCardAction } from '@/lib/actions/billing/finish-add-card';
import { startAddCardAction } from '@/lib/actions/billing/start-add-card';
import { useHydrated } from '@/components/ui/use-hydrated';

export type AddCardLabels = {
  addCard: string;
  starting: string;
  save: string;
  saving: string;
  cancel: string;
  added: string;
  loadError: string;
  genericError: string;
};

export function AddCardForm(props: { organizationId: string; attempt: string; setup: StripeBrowserSetup; locale: string; labels: AddCardLabels }) {
  const start = useAction(startAddCardAction);
  const hydrated = useHydrated();
  const [intent, setIntent] = useState<{ setupIntentId: string; clientSecret: string } | null>(null);
  const [added, setAdded] = useState(false);

  async function begin() {
    setAdded(false);
    const result = await start.executeAsync({ organizationId: props.organizationId, attempt: props.attempt });
    if (result?.data) setIntent(result.data);
  }

  if (!intent) {
    return (
      <div className="space-y-3">
        {added ? (
          <p className="alert-info" role="status">
            {props.labels.added}
          </p>
        ) : null}
        {start.result.serverError ? (
          <p className="alert-error" role="alert">
            {start.result.serverError.error}
          </p>
        ) : null}
        <button type="button" className="btn-primary" onClick={begin} disabled={start.isPending || !hydrated}>
          {start.isPending ? props.labels.starting : props.labels.addCard}
        </button>
      </div>
    );
  }
  return (
    <StripeElementsClient setup={props.setup} intent={{ clientSecret: intent.clientSecret }} locale={props.locale} loadErrorMessage={props.labels.loadError}>
      <ConfirmCard
        organizationId={props.organizationId}
        setupIntentId={intent.setupIntentId}
        labels={props.labels}
        onDone={() => {
          setIntent(null);
          setAdded(true);
        }}
        onCancel={() => setIntent(null)}
      />
    </StripeElementsClient>
  );
}

function ConfirmCard(props: { organizationId: string; setupIntentId: string; labels: AddCardLabels; onDone: () => void; onCancel: () => void }) {
  const stripe = useStripe();
  const elements = useElements();
  const router = useRouter();
  const finish = useAction(finishAddCardAction);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!stripe || !elements || busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      const confirmed = await stripe.confirmSetup({ elements, redirect: 'if_required' });
      if (confirmed.error) {
        setError(confirmed.error.message ?? props.labels.genericError);
        return;
      }
      const result = await finish.executeAsync({ organizationId: props.organizationId, setupIntentId: props.setupIntentId });
      if (result?.serverError) {
        setError(result.serverError.error);
        return;
      }
      if (!result?.data) {
        setError(props.labels.genericError);
        return;
      }
      router.refresh();
      props.onDone();
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" data-testid="add-card-form">
      <PaymentElement />
      {error ? (
        <p className="alert-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" className="btn-primary" disabled={!stripe || busy}>
          {busy ? props.labels.saving : props.labels.save}
        </button>
        <button type="button" className="btn-secondary" onClick={props.onCancel} disabled={busy}>
          {props.labels.cancel}
        </button>
      </div>
    </form>
  );
}
