'use client';
// Accepting a quote. With a card to enter (the first invoice is paid now and no card is on file), the checkout's
// Payment Element flow: accepting on the server returns the first invoice's secret, Stripe.js confirms it, the
// server verifies and sends the customer to their overview. Otherwise (bank transfer, a card on file, nothing due
// now) one button: accept, then go where the server says (the open invoice with its bank details, or the overview).
import { useAction } from 'next-safe-action/hooks';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { DeferredPaymentElements, DeferredPaymentForm } from '@/components/billing/checkout/deferred-payment-form';
import { actionOutcome, useDeferredPayment, type DeferredPaymentLabels } from '@/components/billing/checkout/use-deferred-payment';
import type { StripeBrowserSetup } from '@/components/stripe/load-stripe-js';
import { acceptQuoteAction } from '@/lib/actions/quotes/accept-quote';
import { finishQuoteAcceptanceAction } from '@/lib/actions/quotes/finish-quote-acceptance';
import { useHydrated } from '@/components/ui/use-hydrated';

export type QuoteAcceptLabels = DeferredPaymentLabels & { accept: string; busy: string };

type Accepted = { next: string; intent: { kind: 'payment'; clientSecret: string } | { kind: 'none' } };

function CardFields(props: { quoteId: string; labels: QuoteAcceptLabels }) {
  const accept = useAction(acceptQuoteAction);
  const finish = useAction(finishQuoteAcceptanceAction);
  const payment = useDeferredPayment<Accepted>({
    declines: props.labels.declines,
    start: async () => actionOutcome(await accept.executeAsync({ quoteId: props.quoteId }), props.labels.invalidInput),
    finish: async () => {
      const finished = await finish.executeAsync({ quoteId: props.quoteId });
      if (finished?.serverError) return { error: finished.serverError.error };
      if (!finished?.data) return { error: props.labels.invalidInput };
      return { next: finished.data.next };
    },
  });
  return (
    <DeferredPaymentForm
      testId="quote-accept-form"
      cardLabel={props.labels.card}
      submitLabel={props.labels.accept}
      busyLabel={props.labels.busy}
      error={payment.error}
      busy={payment.busy}
      ready={payment.ready}
      onSubmit={payment.onSubmit}
    />
  );
}

export function QuoteAcceptWithCard(props: {
  quoteId: string;
  mode: 'payment' | 'subscription';
  amount: number;
  currency: string;
  locale: string;
  setup: StripeBrowserSetup;
  labels: QuoteAcceptLabels;
}) {
  // The Elements provider needs only the display amount, currency and locale; what is charged is Stripe's invoice.
  const elementProps = { organizationId: '', priceId: '', attempt: '', amount: props.amount, currency: props.currency, locale: props.locale, setup: props.setup, successPath: '', labels: props.labels };
  return (
    <DeferredPaymentElements mode={props.mode} props={elementProps}>
      <CardFields quoteId={props.quoteId} labels={props.labels} />
    </DeferredPaymentElements>
  );
}

export function QuoteAcceptButton(props: { quoteId: string; labels: { accept: string; busy: string; invalidInput: string } }) {
  const accept = useAction(acceptQuoteAction);
  const router = useRouter();
  const hydrated = useHydrated();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submitting = useRef(false);
  async function onClick() {
    if (submitting.current) return;
    submitting.current = true;
    setBusy(true);
    setError(null);
    try {
      const result = await accept.executeAsync({ quoteId: props.quoteId });
      if (result?.serverError) {
        setError(result.serverError.error);
        // The quote may have changed since the page was loaded (accepted in another tab, expired, withdrawn): the
        // page shows what it is now, instead of a button that can only be refused again.
        router.refresh();
      } else if (!result?.data) setError(props.labels.invalidInput);
      else {
        // A full load, as after a payment (components/billing/checkout/use-deferred-payment.ts).
        window.location.assign(result.data.next);
      }
    } finally {
      submitting.current = false;
      setBusy(false);
    }
  }
  return (
    <div className="space-y-3">
      {error ? (
        <p className="alert-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="button" className="btn-primary" disabled={busy || !hydrated} aria-busy={busy} onClick={onClick} data-testid="quote-accept">
        {busy ? props.labels.busy : props.labels.accept}
      </button>
    </div>
  );
}
