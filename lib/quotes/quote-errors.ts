// The refusals a quote action can answer, each with its sentence in messages/<locale>.json (quotes.errors.*).
import { AppError, type AppErrorCode } from '@/lib/errors';

export type QuoteRefusal =
  | 'noLines'
  | 'quantity'
  | 'priceNotInCurrency'
  | 'metered'
  | 'mixedIntervals'
  | 'duplicateLine'
  | 'unknownPromotionCode'
  | 'expiryPast'
  | 'noCustomer'
  | 'notDraft'
  | 'notOpen'
  | 'notCancelable'
  | 'alreadyAccepted'
  | 'expired'
  | 'canceled'
  | 'notAllowedToAccept';

export function quoteRefusal(reason: QuoteRefusal, detail: string, code: AppErrorCode = 'invalid_input'): AppError {
  return new AppError(code, `quote refused (${reason}): ${detail}`, { reason, userMessageKey: { key: `quotes.errors.${reason}` } });
}
