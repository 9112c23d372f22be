// The Stripe App's settings: its signing secret and who it acts as. Emulator mode has a fixed secret (as the
// webhook secret does) so the demo, tests and a locally run app work without the Dashboard; real Stripe needs
// STRIPE_APP_SECRET, and without it the app's routes are off (503), never open.
import { env, usesStripeEmulator } from '@/lib/env';
import type { AuditActor } from '@/lib/audit';

/** The secret the emulator-mode app verifies with (documented in docs/stripe-app.md and docs/configuration.md). */
export const EMULATOR_STRIPE_APP_SECRET = 'absec_seikyu_emulator';

/** The app's signing secret, or null when the Stripe App is not configured (real Stripe without STRIPE_APP_SECRET). */
export function stripeAppSecret(): string | null {
  return env.STRIPE_APP_SECRET ?? (usesStripeEmulator ? EMULATOR_STRIPE_APP_SECRET : null);
}

/** The audit actor of a Stripe Dashboard user acting through the app: `stripe-app:<user_id>`. */
export function stripeAppActor(userId: string): Extract<AuditActor, { type: 'stripe' }> {
  return { type: 'stripe', id: `stripe-app:${userId}` };
}
