// Reasons a customer's billing request is refused, each with a sentence in messages `plans.errors.*`.
import { AppError } from '@/lib/errors';

export const billingInputReasons = [
  'unknown_price',
  'price_not_subscribable',
  'price_not_one_off',
  'purchase_not_found',
  'quantity_not_allowed',
  'quantity_out_of_range',
  'already_subscribed',
  'setup_incomplete',
  'promotion_code_unknown',
  'promotion_code_expired',
  'promotion_code_other_product',
  'promotion_code_currency',
  'promotion_code_minimum',
  'promotion_code_first_time',
  'promotion_code_duplicate',
  'promotion_code_not_combinable',
  'promotion_code_once_on_zero',
  'subscription_not_found',
  'subscription_not_cancelable',
  'subscription_not_resumable',
  'interval_mismatch',
] as const;
export type BillingInputReason = (typeof billingInputReasons)[number];

/**
 * A request the customer can correct, as the one AppError: `conflict` for `already_subscribed`, else
 * `invalid_input`, with the reason for callers and the sentence's key (`plans.errors.<reason>`) that the action
 * client translates. `detail` is the promotion code the reason is about.
 */
export function billingInputError(reason: BillingInputReason, message: string, detail?: string): AppError {
  return new AppError(reason === 'already_subscribed' ? 'conflict' : 'invalid_input', message, {
    reason,
    userMessageKey: { key: `plans.errors.${reason}`, values: { code: detail ?? '' } },
  });
}

export function isBillingInputError(error: unknown): error is AppError & { reason: BillingInputReason } {
  return error instanceof AppError && (billingInputReasons as readonly (string | undefined)[]).includes(error.reason);
}
