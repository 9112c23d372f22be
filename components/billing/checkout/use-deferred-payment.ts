'use client';
// The browser half shared by the subscription checkout and the one-off purchase: validate the deferred-intent
// Payment Element, ask the server to start the payment once (it returns only a client secret, keyed by the
// server-issued attempt token), confirm with Stripe.js (3-D Secure in Stripe's modal), then let the server verify
// and say where to go. What is started is kept: after a decline the customer retries the same subscription or
// invoice with another card, never a second one. Each flow supplies its own start and finish.
import { useElements, useStripe } from '@stripe/react-stripe-js';
import { useRef, useState, type FormEvent } from 'react';
import type { StripeBrowserSetup } from '@/components/stripe/load-stripe-js';
import { declineMessageFor, type DeclineMessageKey, type StripeJsError } from './decline-message';

/** The sentences every payment form needs; each flow adds its own button and outcome texts. */
export type DeferredPaymentLabels = {
  card: string;
  loadError: string;
  invalidInput: string;
  declines: Record<DeclineMessageKey, string>;
};

/** What the page hands either payment form: ids to look up on the server, never an amount to charge. */
export type DeferredPaymentProps<L extends DeferredPaymentLabels> = {
  organizationId: string;
  priceId: string;
  /** The attempt token the server issued with the page; part of the idempotency key of what is started. */
  attempt: string;
  /** For the Element's display only; the server decides what is charged. */
  amount: number;
  currency: string;
  locale: string;
  setup: StripeBrowserSetup;
  successPath: string;
  labels: L;
};

/** The intent the server hands back: confirm a payment, confirm a card for later (setup), or nothing to confirm. */
export type StartedIntent = { kind: 'payment' | 'setup'; clientSecret: string } | { kind: 'none' };

/** What a server action call came back with, reduced to what the form needs. */
export type ActionOutcome<T> = { data: T } | { error: string };

/** Reads a next-safe-action result: its server error, or `invalidInput` when there is no data (validation failed). */
export function actionOutcome<T>(result: { data?: T; serverError?: { error: string } } | undefined, invalidInput: string): ActionOutcome<T> {
  if (result?.serverError) return { error: result.serverError.error };
  if (!result?.data) return { error: invalidInput };
  return { data: result.data };
}

export type DeferredPaymentOptions<S extends { intent: StartedIntent }> = {
  declines: Record<DeclineMessageKey, string>;
  /** Creates the subscription or invoice on the server; called once per form, whatever the retries. */
  start: () => Promise<ActionOutcome<S>>;
  /** Verifies on the server after Stripe.js confirmed; returns the path to go to, or the sentence to show. */
  finish: (started: S) => Promise<{ next: string } | { error: string }>;
};

export function useDeferredPayment<S extends { intent: StartedIntent }>(options: DeferredPaymentOptions<S>) {
  const stripe = useStripe();
  const elements = useElements();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const started = useRef<S | null>(null);
  // Once started, what was sent is fixed: retries after a decline confirm the same subscription or invoice.
  const [locked, setLocked] = useState(false);

  function showStripeError(stripeError: StripeJsError) {
    const message = declineMessageFor(stripeError);
    setError('text' in message ? message.text : options.declines[message.key]);
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
        const result = await options.start();
        if ('error' in result) {
          setError(result.error);
          return;
        }
        started.current = result.data;
        setLocked(true);
      }
      const { intent } = started.current;
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
      const finished = await options.finish(started.current);
      if ('error' in finished) {
        setError(finished.error);
        return;
      }
      // A full load of the destination: after a payment the shell (the failed-payment banner) must be fresh too,
      // which a client navigation between pages of one layout does not re-render.
      window.location.assign(finished.next);
    } finally {
      setBusy(false);
    }
  }

  return { onSubmit, error, busy, locked, ready: Boolean(stripe && elements) };
}
