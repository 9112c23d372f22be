// Verifies a Stripe App's request signature as Stripe documents for Apps: the `Stripe-Signature` header made by
// the UI extension's `fetchStripeSignature()` signs `JSON.stringify({ user_id, account_id })` with the app's
// signing secret, in the webhook signature format (t=…, v1=…), checked here with the SDK's own verifier.
import type Stripe from 'stripe';

/** Stripe's default tolerance for a signature's age, in seconds. */
export const APP_SIGNATURE_TOLERANCE_SECONDS = 300;

/** The exact string the signature covers: key order matters, as in Stripe's documentation. */
export function appSignaturePayload(identity: { userId: string; accountId: string }): string {
  return JSON.stringify({ user_id: identity.userId, account_id: identity.accountId });
}

/** True when `header` signs this user and account with `secret` within the tolerance; never throws. */
export function verifyAppSignature(
  stripe: Stripe,
  params: { header: string; userId: string; accountId: string; secret: string; receivedAtMs?: number },
): boolean {
  const signature = stripe.webhooks.signature;
  if (!signature) throw new Error('this stripe SDK build has no webhook signature verifier');
  try {
    return signature.verifyHeader(
      appSignaturePayload(params),
      params.header,
      params.secret,
      APP_SIGNATURE_TOLERANCE_SECONDS,
      undefined,
      params.receivedAtMs,
    );
  } catch {
    return false;
  }
}
