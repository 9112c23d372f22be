// The test page: what a merchant writes with @stripe/react-stripe-js, nothing emulator-specific. Bundled by
// esbuild in payment-element.test.ts; the page loads <emulator>/js/stripe.js before this bundle.
import { useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { loadStripe, type StripeElementChangeEvent, type StripePaymentElementChangeEvent } from '@stripe/stripe-js';
import { CardElement, Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';

interface PageConfig {
  publishableKey: string;
  clientSecret: string;
  /** `setup`: save a card (SetupIntent); `payment`: pay now (PaymentIntent, e.g. an invoice's confirmation secret). */
  kind: 'setup' | 'payment';
  /** `payment`: <PaymentElement> with confirmSetup/confirmPayment; `card`: <CardElement> with confirmCardSetup. */
  element: 'payment' | 'card';
  /** Elements locale (`ja` for the Japanese interface). */
  locale: 'auto' | 'en' | 'ja';
  /**
   * Deferred intent (what the portal's checkout does): Elements start from `mode`/`amount`/`currency`, the form
   * calls elements.submit() first and confirms with the client secret afterwards.
   */
  deferred: boolean;
  /** When set, confirm with `confirmParams.return_url` and let Stripe.js redirect (redirect: 'always'). */
  returnUrl: string | null;
}

declare global {
  interface Window {
    __PAGE_CONFIG__: PageConfig;
    /** Every change event the Payment Element emitted, for the test to inspect. */
    __changeEvents: Array<StripePaymentElementChangeEvent | StripeElementChangeEvent>;
    __ready: boolean;
  }
}

window.__changeEvents = [];
window.__ready = false;

function SetupForm() {
  const stripe = useStripe();
  const elements = useElements();
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!stripe || !elements) return;
    setBusy(true);
    setError('');
    if (config.element === 'card') {
      const card = elements.getElement(CardElement);
      if (!card) return;
      const result = await stripe.confirmCardSetup(config.clientSecret, { payment_method: { card, billing_details: { name: 'Card Holder' } } });
      setBusy(false);
      if (result.error) setError(result.error.message ?? 'Something went wrong.');
      else setStatus(result.setupIntent.status);
      return;
    }
    if (config.deferred) {
      const submitted = await elements.submit();
      if (submitted.error) {
        setBusy(false);
        setError(submitted.error.message ?? 'Something went wrong.');
        return;
      }
    }
    const clientSecret = config.clientSecret;
    if (config.kind === 'payment') {
      const result = await stripe.confirmPayment({ elements, clientSecret, redirect: 'if_required' });
      setBusy(false);
      if (result.error) setError(result.error.message ?? 'Something went wrong.');
      else setStatus(result.paymentIntent.status);
      return;
    }
    if (config.returnUrl) {
      // Resolves only on an error: on success Stripe.js sends the browser to return_url.
      const redirected = await stripe.confirmSetup({ elements, clientSecret, confirmParams: { return_url: config.returnUrl } });
      setBusy(false);
      setError(redirected.error.message ?? 'Something went wrong.');
      return;
    }
    const result = await stripe.confirmSetup({ elements, clientSecret, redirect: 'if_required' });
    setBusy(false);
    if (result.error) {
      setError(result.error.message ?? 'Something went wrong.');
      return;
    }
    setStatus(result.setupIntent.status);
  }

  return (
    <form onSubmit={onSubmit} style={{ maxWidth: 480, margin: '24px auto', fontFamily: 'system-ui, sans-serif' }}>
      <h1 style={{ fontSize: 20 }}>{config.kind === 'payment' ? 'Pay' : 'Add a card'}</h1>
      <div data-testid="payment-element">
        {config.element === 'card' ? (
          <CardElement
            onReady={() => {
              window.__ready = true;
            }}
            onChange={(e) => {
              window.__changeEvents.push(e);
            }}
          />
        ) : (
          <PaymentElement
            onReady={() => {
              window.__ready = true;
            }}
            onChange={(e) => {
              window.__changeEvents.push(e);
            }}
          />
        )}
      </div>
      <button type="submit" disabled={!stripe || busy} style={{ marginTop: 16, padding: '10px 16px' }}>
        {busy ? 'Working…' : config.kind === 'payment' ? 'Pay' : 'Save card'}
      </button>
      <p role="alert" data-testid="error" style={{ color: '#df1b41' }}>
        {error}
      </p>
      <p data-testid="status">{status}</p>
    </form>
  );
}

const config = window.__PAGE_CONFIG__;
const stripePromise = loadStripe(config.publishableKey);
const container = document.getElementById('root');
if (!container) throw new Error('missing #root');
createRoot(container).render(
  <Elements
    stripe={stripePromise}
    options={
      config.deferred
        ? { mode: config.kind, amount: 1500, currency: 'jpy', locale: config.locale }
        : { clientSecret: config.clientSecret, locale: config.locale }
    }
  >
    <SetupForm />
  </Elements>,
);
