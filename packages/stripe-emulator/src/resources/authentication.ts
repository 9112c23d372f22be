// 3D Secure challenges. The Stripe.js stand-in's challenge page (`/_emulator/3ds/:intentId`) and tests finish a
// challenge with `completeAuthentication` or `POST /_emulator/3ds/:intentId/{complete,fail}`.
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { invalidRequest } from '../http/errors.js';
import { completePaymentIntentAuthentication } from '../payments/payment-intents.js';
import { completeSetupIntentAuthentication } from '../payments/setup-intents.js';

export type AuthenticationOutcome = 'succeed' | 'fail';

export type AuthenticatedIntent =
  | { object: 'payment_intent'; intent: Stripe.PaymentIntent }
  | { object: 'setup_intent'; intent: Stripe.SetupIntent };

/**
 * Completes (`succeed`) or fails the pending 3D Secure challenge of a PaymentIntent (`pi_…`) or SetupIntent
 * (`seti_…`) in requires_action. Returns the intent afterwards (a card may still decline after a successful
 * challenge: the intent then carries last_payment_error / last_setup_error).
 */
export function completeAuthentication(emu: Emulator, intentId: string, outcome: AuthenticationOutcome): AuthenticatedIntent {
  if (intentId.startsWith('pi_')) {
    return { object: 'payment_intent', intent: completePaymentIntentAuthentication(emu, intentId, outcome).paymentIntent };
  }
  if (intentId.startsWith('seti_')) {
    return { object: 'setup_intent', intent: completeSetupIntentAuthentication(emu, intentId, outcome).setupIntent };
  }
  throw invalidRequest(`'${intentId}' is not a PaymentIntent or SetupIntent id.`, { param: 'intent' });
}

export function registerAuthenticationControls(emu: Emulator): void {
  emu.router.control('POST', '/_emulator/3ds/:intentId/complete', ({ path }) => completeAuthentication(emu, path.intentId, 'succeed').intent);
  emu.router.control('POST', '/_emulator/3ds/:intentId/fail', ({ path }) => completeAuthentication(emu, path.intentId, 'fail').intent);
}
