// What the browser needs to load Stripe.js (real Stripe.js or the emulator's stand-in) and the origins the
// Content Security Policy must allow. Kept apart from the SDK client so pages' browser set-up and the proxy
// never load the `stripe` package. Carries no secret.
import { env, usesStripeEmulator } from '@/lib/env';

/** The publishable key the emulator accepts from browsers. */
export const EMULATOR_PUBLISHABLE_KEY = 'pk_test_emulator';

export const stripeBrowserConfig = {
  publishableKey: usesStripeEmulator ? EMULATOR_PUBLISHABLE_KEY : env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY!,
  scriptUrl: usesStripeEmulator ? `${env.STRIPE_EMULATOR_URL}/js/stripe.js` : 'https://js.stripe.com/endive/stripe.js',
  /** Origins the Content Security Policy must allow for scripts, frames and XHR. */
  origins: usesStripeEmulator
    ? [new URL(env.STRIPE_EMULATOR_URL).origin]
    : ['https://js.stripe.com', 'https://api.stripe.com', 'https://hooks.stripe.com', 'https://m.stripe.network'],
};
