// A request the customer can correct: an `invalid_input` / `conflict` AppError that also names the reason, so
// the action can answer with the matching sentence in the customer's language (messages `plans.errors.*`).
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
  'subscription_not_found',
  'subscription_not_cancelable',
  'subscription_not_resumable',
] as const;
export type BillingInputReason = (typeof billingInputReasons)[number];

export class BillingInputError extends AppError {
  readonly reason: BillingInputReason;
  /** The promotion code the reason is about, for the message. */
  readonly detail: string | undefined;

  constructor(reason: BillingInputReason, message: string, detail?: string) {
    super(reason === 'already_subscribed' ? 'conflict' : 'invalid_input', message);
    this.name = 'BillingInputError';
    this.reason = reason;
    this.detail = detail;
  }
}
