// The one Stripe client: real Stripe when STRIPE_SECRET_KEY is set, the bundled emulator otherwise.
// The API version is pinned here and nowhere else.
import Stripe from 'stripe';
import { env, usesStripeEmulator } from '@/lib/env';

export const STRIPE_API_VERSION = '2026-10-28.endive' satisfies Stripe.LatestApiVersion;

/** Key the emulator accepts for server calls (any sk_test_… works; this one names itself in logs). */
export const EMULATOR_SECRET_KEY = 'sk_test_emulator';
export const EMULATOR_PUBLISHABLE_KEY = 'pk_test_emulator';
/** The emulator's default endpoint secret when the app runs against it without STRIPE_WEBHOOK_SECRET. */
export const EMULATOR_WEBHOOK_SECRET = 'whsec_seikyu_emulator';

export function createStripeClient(): Stripe {
  const common = { apiVersion: STRIPE_API_VERSION, maxNetworkRetries: 2, appInfo: { name: 'Seikyu' } } as const;
  if (!usesStripeEmulator) return new Stripe(env.STRIPE_SECRET_KEY!, common);
  const url = new URL(env.STRIPE_EMULATOR_URL);
  return new Stripe(EMULATOR_SECRET_KEY, {
    ...common,
    host: url.hostname,
    port: Number(url.port || 80),
    protocol: url.protocol === 'https:' ? 'https' : 'http',
  });
}

const globalForStripe = globalThis as unknown as { __seikyuStripe?: Stripe };
export const stripe: Stripe = (globalForStripe.__seikyuStripe ??= createStripeClient());

/** What the browser needs to load Stripe.js: real Stripe.js, or the emulator's stand-in. */
export const stripeBrowserConfig = {
  publishableKey: usesStripeEmulator ? EMULATOR_PUBLISHABLE_KEY : env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY!,
  scriptUrl: usesStripeEmulator ? `${env.STRIPE_EMULATOR_URL}/js/stripe.js` : 'https://js.stripe.com/endive/stripe.js',
  /** Origins the Content Security Policy must allow for scripts, frames and XHR. */
  origins: usesStripeEmulator
    ? [new URL(env.STRIPE_EMULATOR_URL).origin]
    : ['https://js.stripe.com', 'https://api.stripe.com', 'https://hooks.stripe.com', 'https://m.stripe.network'],
};

export const stripeWebhookSecret = env.STRIPE_WEBHOOK_SECRET ?? EMULATOR_WEBHOOK_SECRET;
