// The sentence a customer reads when Stripe.js refuses a payment: by decline code, then error code, in the
// customer's language; never Stripe's codes. Pure.
export const declineMessageKeys = [
  'generic_decline',
  'insufficient_funds',
  'lost_card',
  'stolen_card',
  'expired_card',
  'incorrect_cvc',
  'incorrect_number',
  'processing_error',
  'authentication_failed',
  'card_velocity_exceeded',
] as const;
export type DeclineMessageKey = (typeof declineMessageKeys)[number];

export type StripeJsError = { type?: string; code?: string; decline_code?: string; message?: string };

const aliases: Record<string, DeclineMessageKey> = {
  card_declined: 'generic_decline',
  do_not_honor: 'generic_decline',
  fraudulent: 'generic_decline',
  pickup_card: 'lost_card',
  invalid_cvc: 'incorrect_cvc',
  invalid_number: 'incorrect_number',
  payment_intent_authentication_failure: 'authentication_failed',
  setup_intent_authentication_failure: 'authentication_failed',
  authentication_required: 'authentication_failed',
};

function asKey(value: string | undefined): DeclineMessageKey | null {
  if (!value) return null;
  if ((declineMessageKeys as readonly string[]).includes(value)) return value as DeclineMessageKey;
  return aliases[value] ?? null;
}

/**
 * Which message to show. Validation errors (the Element's own field messages, already in the customer's
 * language) are shown as Stripe.js wrote them; card errors map to our sentences; anything else is generic.
 */
export function declineMessageFor(error: StripeJsError): { key: DeclineMessageKey } | { text: string } {
  if (error.type === 'validation_error' && error.message) return { text: error.message };
  const key = asKey(error.decline_code) ?? asKey(error.code);
  return { key: key ?? 'generic_decline' };
}
