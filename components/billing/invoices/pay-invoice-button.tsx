'use client';
// Pays an open invoice with the default card. `attempt` is issued by the server with each render, so a double
// click sends one intent and a retry after a decline is a new one. When the bank asks for 3-D Secure, Stripe.js
// shows the challenge and the server then re-reads the invoice.
import { useAction } from 'next-safe-action/hooks';
import { useRef, useState } from 'react';
import { loadStripeJs, type StripeBrowserSetup } from '@/components/stripe/load-stripe-js';
import { finishInvoicePaymentAction } from '@/lib/actions/billing/finish-invoice-payment';
import { payInvoiceAction } from '@/lib/actions/billing/pay-invoice';
import { useHydrated } from '@/components/ui/use-hydrated';

export function PayInvoiceButton(props: {
  organizationId: string;
  invoiceId: string;
  attempt: string;
  setup: StripeBrowserSetup;
  label: string;
  pendingLabel: string;
  authenticationFailedLabel: string;
}) {
  const pay = useAction(payInvoiceAction);
  const finish = useAction(finishInvoicePaymentAction);
  const hydrated = useHydrated();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The button disables on the next render; this stops a second click that lands before it.
  const submitting = useRef(false);

  async function submit() {
    if (submitting.current) return;
    submitting.current = true;
    setBusy(true);
    setError(null);
    try {
      const input = { organizationId: props.organizationId, invoiceId: props.invoiceId };
      const result = await pay.executeAsync({ ...input, attempt: props.attempt });
      if (result?.serverError) {
        setError(result.serverError.error);
        return;
      }
      if (result?.data?.requiresAction) {
        const stripe = await loadStripeJs(props.setup).catch(() => null);
        const outcome = stripe ? await stripe.handleNextAction({ clientSecret: result.data.clientSecret }) : null;
        if (!outcome || outcome.error) {
          setError(outcome?.error?.message ?? props.authenticationFailedLabel);
          return;
        }
        const finished = await finish.executeAsync(input);
        if (finished?.serverError) setError(finished.serverError.error);
      }
    } finally {
      submitting.current = false;
      setBusy(false);
    }
  }

  return (
    <form action={submit} className="space-y-3">
      {error ? (
        <p className="alert-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="btn-primary" disabled={busy || !hydrated}>
        {busy ? props.pendingLabel : props.label}
      </button>
    </form>
  );
}
