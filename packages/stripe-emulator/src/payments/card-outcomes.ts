// What happens when a card is set up or charged: succeeds, is declined (with the test card's codes) or needs
// 3D Secure. Shared by PaymentIntents and SetupIntents. The rules follow Stripe's testing docs (src/cards.ts).
import type Stripe from 'stripe';
import type { Emulator } from '../emulator.js';
import { AUTHENTICATION_REQUIRED, type DeclineOutcome } from '../cards.js';
import { p } from '../http/params.js';
import { stripeJsTelemetryParams, testCardOf } from '../resources/payment-methods.js';
import { hostedUrl } from '../core/public-url.js';

export type CardOutcome = { kind: 'succeeded' } | { kind: 'declined'; decline: DeclineOutcome } | { kind: 'requires_action' };

export interface EvaluateInput {
  attempt: 'setup' | 'payment';
  offSession: boolean;
  /** True when the customer has just completed 3D Secure for this attempt. */
  authenticated: boolean;
}

export function evaluateCard(emu: Emulator, paymentMethodId: string, input: EvaluateInput): CardOutcome {
  const { card, secret } = testCardOf(emu, paymentMethodId);
  if (card.decline) return { kind: 'declined', decline: card.decline };
  if (!input.authenticated) {
    const needs =
      card.authentication === 'always' ||
      (card.authentication === 'unless_set_up' && !(input.attempt === 'payment' && input.offSession && secret.setUp));
    if (needs) return input.offSession ? { kind: 'declined', decline: AUTHENTICATION_REQUIRED } : { kind: 'requires_action' };
  } else if (card.declineAfterAuthentication) {
    return { kind: 'declined', decline: card.declineAfterAuthentication };
  }
  if (input.attempt === 'payment' && card.declineOnCharge) return { kind: 'declined', decline: card.declineOnCharge };
  return { kind: 'succeeded' };
}

/** The URL of the emulator's 3D Secure challenge page for an intent (built by the Stripe.js stand-in). */
export function challengeUrl(intentId: string, returnUrl: string | null): string {
  const url = new URL(hostedUrl(`/_emulator/3ds/${intentId}`));
  if (returnUrl) url.searchParams.set('return_url', returnUrl);
  return url.toString();
}

/**
 * `next_action` for a card that needs authentication: `redirect_to_url` when the confirmation gave a
 * `return_url` and did not ask for `use_stripe_sdk`, otherwise `use_stripe_sdk` (what Stripe.js handles).
 */
export function authenticationNextAction(
  intentId: string,
  returnUrl: string | null,
  useStripeSdk: boolean,
): Stripe.PaymentIntent.NextAction & Stripe.SetupIntent.NextAction {
  const url = challengeUrl(intentId, returnUrl);
  if (returnUrl && !useStripeSdk) {
    return { type: 'redirect_to_url', redirect_to_url: { url, return_url: returnUrl } };
  }
  return {
    type: 'use_stripe_sdk',
    use_stripe_sdk: { type: 'three_d_secure_redirect', stripe_js: url, source: `src_${intentId.split('_')[1] ?? intentId}` },
  };
}

/** Minimum charge amounts (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts), minor units. */
const MINIMUM_AMOUNTS: Record<string, number> = {
  usd: 50, aed: 200, aud: 50, bgn: 100, brl: 50, cad: 50, chf: 50, czk: 1500, dkk: 250, eur: 50, gbp: 30, hkd: 400,
  huf: 17500, inr: 50, jpy: 50, mxn: 1000, myr: 200, nok: 300, nzd: 50, pln: 200, ron: 200, sek: 300, sgd: 50, thb: 1000,
};

export function minimumAmount(currency: string): number {
  return MINIMUM_AMOUNTS[currency] ?? 1;
}

export const PAYMENT_METHOD_CONFIGURATION_ID = 'pmc_emulator_default';

/** Params Stripe.js adds to its calls; accepted and ignored. */
export const stripeJsNoiseParams = {
  client_secret: p.string(),
  expected_payment_method_type: p.string(),
  use_stripe_sdk: p.boolean(),
  client_context: p.record(p.string()),
  ...stripeJsTelemetryParams,
} as const;

export const automaticPaymentMethodsParams = p.object({
  enabled: p.required(p.boolean()),
  allow_redirects: p.enumOf(['always', 'never']),
});

export const cardOptionsParams = p.object({
  card: p.object({
    request_three_d_secure: p.enumOf(['any', 'automatic', 'challenge']),
    network: p.string(),
    setup_future_usage: p.emptyable(p.enumOf(['none', 'off_session', 'on_session'])),
    mandate_options: p.unsupported(),
  }),
});
