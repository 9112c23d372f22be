'use client';
// The <Elements> provider for one intent's client secret, on a Stripe instance from loadStripeJs. Children use
// `useStripe()` / `useElements()` and render <PaymentElement>. Reused for subscribing and for adding cards.
import { Elements } from '@stripe/react-stripe-js';
import type { StripeElementLocale, StripeElementsOptionsClientSecret } from '@stripe/stripe-js';
import { useMemo, useState, useEffect, type ReactNode } from 'react';
import { loadStripeJs, type StripeBrowserSetup } from './load-stripe-js';

export type StripeElementsClientProps = {
  setup: StripeBrowserSetup;
  clientSecret: string;
  locale: string;
  /** Shown when Stripe.js cannot be loaded (network, blocked script). */
  loadErrorMessage: string;
  children: ReactNode;
};

const appearance: StripeElementsOptionsClientSecret['appearance'] = {
  theme: 'stripe',
  variables: { colorPrimary: '#4338ca', borderRadius: '6px' },
};

export function StripeElementsClient({ setup, clientSecret, locale, loadErrorMessage, children }: StripeElementsClientProps) {
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

  const options = useMemo<StripeElementsOptionsClientSecret>(
    () => ({ clientSecret, locale: (locale === 'ja' ? 'ja' : 'en') satisfies StripeElementLocale, appearance }),
    [clientSecret, locale],
  );

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
