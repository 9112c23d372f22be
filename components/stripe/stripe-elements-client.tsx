'use client';
// The <Elements> provider for one intent's client secret, on a Stripe instance from loadStripeJs. Children use
// `useStripe()` / `useElements()` and render <PaymentElement>. Reused for subscribing and for adding cards.
import { Elements } from '@stripe/react-stripe-js';
import type { StripeElementLocale, StripeElementsOptions, StripeElementsOptionsClientSecret } from '@stripe/stripe-js';
import { useMemo, useState, useEffect, type ReactNode } from 'react';
import { loadStripeJs, type StripeBrowserSetup } from './load-stripe-js';

export type StripeElementsClientProps = {
  setup: StripeBrowserSetup;
  /**
   * The intent to confirm: its client secret (add a card), or, for a deferred intent created on submit
   * (checkout), the mode and the amount shown in the Element (display only; the server decides what is charged).
   */
  intent: { clientSecret: string } | { mode: 'payment' | 'subscription' | 'setup'; amount?: number; currency: string };
  locale: string;
  /** Shown when Stripe.js cannot be loaded (network, blocked script). */
  loadErrorMessage: string;
  children: ReactNode;
};

const appearance: StripeElementsOptionsClientSecret['appearance'] = {
  theme: 'stripe',
  variables: { colorPrimary: '#4338ca', borderRadius: '6px' },
};

export function StripeElementsClient({ setup, intent, locale, loadErrorMessage, children }: StripeElementsClientProps) {
  const { publishableKey, scriptUrl, nonce } = setup;
  const stripePromise = useMemo(() => loadStripeJs({ publishableKey, scriptUrl, nonce }), [publishableKey, scriptUrl, nonce]);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let active = true;
    stripePromise.catch(() => {
      if (active) setFailed(true);
    });
    return () => {
      active = false;
    };
  }, [stripePromise]);

  const clientSecret = 'clientSecret' in intent ? intent.clientSecret : null;
  const mode = 'mode' in intent ? intent.mode : null;
  const amount = 'amount' in intent ? intent.amount : undefined;
  const currency = 'currency' in intent ? intent.currency : null;
  const options = useMemo<StripeElementsOptions>(() => {
    const elementLocale: StripeElementLocale = locale === 'ja' ? 'ja' : 'en';
    if (clientSecret) return { clientSecret, locale: elementLocale, appearance };
    return { mode: mode ?? 'payment', amount, currency: currency ?? 'usd', locale: elementLocale, appearance } as StripeElementsOptions;
  }, [clientSecret, mode, amount, currency, locale]);

  if (failed) {
    return (
      <p className="alert-error" role="alert">
        {loadErrorMessage}
      </p>
    );
  }
  return (
    <Elements stripe={stripePromise} options={options}>
      {children}
    </Elements>
  );
}
