// Loads Stripe.js (or the emulator's stand-in) from the URL the server chose, then `loadStripe`. We inject the
// script ourselves, with the request's CSP nonce, and use `@stripe/stripe-js/pure` so the library never injects
// https://js.stripe.com on its own: with `window.Stripe` already defined it adopts the script we loaded.
// Browser only; one load per script URL and key for the page's lifetime.
import type { Stripe } from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure';

export type StripeBrowserSetup = {
  publishableKey: string;
  scriptUrl: string;
  /** The request's CSP nonce; needed by browsers without 'strict-dynamic'. */
  nonce?: string;
};

const scriptLoads = new Map<string, Promise<void>>();
const stripeLoads = new Map<string, Promise<Stripe | null>>();

function injectScript(src: string, nonce: string | undefined): Promise<void> {
  const existing = scriptLoads.get(src);
  if (existing) return existing;
  const load = new Promise<void>((resolve, reject) => {
    if (typeof window !== 'undefined' && 'Stripe' in window && window.Stripe) {
      resolve();
      return;
    }
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    if (nonce) script.nonce = nonce;
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => {
      scriptLoads.delete(src);
      script.remove();
      reject(new Error(`Stripe.js could not be loaded from ${src}`));
    });
    document.head.appendChild(script);
  });
  scriptLoads.set(src, load);
  return load;
}

/** Resolves to the Stripe instance for `publishableKey`; rejects when the script cannot be loaded. */
export function loadStripeJs(setup: StripeBrowserSetup): Promise<Stripe | null> {
  const key = `${setup.scriptUrl} ${setup.publishableKey}`;
  const existing = stripeLoads.get(key);
  if (existing) return existing;
  const load = injectScript(setup.scriptUrl, setup.nonce).then(() => loadStripe(setup.publishableKey));
  load.catch(() => stripeLoads.delete(key));
  stripeLoads.set(key, load);
  return load;
}
