// The one Stripe client: real Stripe when STRIPE_SECRET_KEY is set, the bundled emulator otherwise.
// The API version is pinned here and nowhere else. Server only; the browser's Stripe.js settings are in
// ./browser-config (no SDK).
import Stripe from 'stripe';
import { env, usesStripeEmulator } from '@/lib/env';

export const STRIPE_API_VERSION = '2026-10-28.endive' satisfies Stripe.LatestApiVersion;

/** Key the emulator accepts for server calls (any sk_test_… works; this one names itself in logs). */
export const EMULATOR_SECRET_KEY = 'sk_test_emulator';
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

export const stripeWebhookSecret = env.STRIPE_WEBHOOK_SECRET ?? EMULATOR_WEBHOOK_SECRET;

/** Connect events come from a second endpoint with its own secret; the webhook route accepts either. */
export const stripeConnectWebhookSecret = env.STRIPE_CONNECT_WEBHOOK_SECRET ?? null;

/** The emulator's default thin-event destination secret (`EMULATOR_THIN_WEBHOOK_SECRET`). */
export const EMULATOR_THIN_WEBHOOK_SECRET = 'whsec_seikyu_emulator_thin';

/** v2 thin events (payees' Accounts v2) come from an event destination with its own secret; null: not configured. */
export const stripeThinWebhookSecret = env.STRIPE_THIN_WEBHOOK_SECRET ?? (usesStripeEmulator ? EMULATOR_THIN_WEBHOOK_SECRET : null);
