// The one application error. Code decides the HTTP status and the sentence the user sees; `message` is for
// the log only (it may name ids and Stripe request ids) and is never sent to a browser.
export const appErrorCodes = [
  'not_found',
  'forbidden',
  'unauthenticated',
  'invalid_input',
  'conflict',
  'stripe_error',
  'stripe_unavailable',
  'rate_limited',
  'internal',
] as const;

export type AppErrorCode = (typeof appErrorCodes)[number];

/**
 * The user's sentence as a key into messages/<locale>.json (e.g. `plans.errors.unknown_price`) and its values.
 * `valueKeys` are values that are words of their own, named by their message key (an invoice's status:
 * `invoiceStatus.open`), so the sentence says 未払い in Japanese rather than the code `open`.
 */
export type UserMessageKey = {
  key: string;
  values?: Record<string, string>;
  valueKeys?: Record<string, string>;
  /** Amounts in the currency's minor unit, written as the reader's language writes money (￥22,600, ¥22,600). */
  amounts?: Record<string, { amount: number; currency: string }>;
};

export interface AppErrorOptions {
  cause?: unknown;
  /** A sentence that is safe and useful to show as is (e.g. Stripe's card decline message). */
  userMessage?: string;
  /**
   * The sentence to show, translated where the user's language is known (the action client), for errors the
   * user can correct. Domain code names it; it never imports the translations.
   */
  userMessageKey?: UserMessageKey;
  /** Why, in a word callers and tests can branch on (e.g. `already_subscribed`, `last_card`). */
  reason?: string;
  /** Stripe's `Request-Id` or the webhook event id, for the log. */
  stripeRequestId?: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage?: string;
  readonly userMessageKey?: UserMessageKey;
  readonly reason?: string;
  readonly stripeRequestId?: string;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = options.userMessage;
    this.userMessageKey = options.userMessageKey;
    this.reason = options.reason;
    this.stripeRequestId = options.stripeRequestId;
  }
}

const statusByCode: Record<AppErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  invalid_input: 400,
  conflict: 409,
  stripe_error: 502,
  stripe_unavailable: 503,
  rate_limited: 429,
  internal: 500,
};

export function httpStatusFor(code: AppErrorCode): number {
  return statusByCode[code];
}

/** English fallbacks for places without a locale (route handlers, logs); pages use messages/<locale>.json `errors.<code>`. */
const defaultMessages: Record<AppErrorCode, string> = {
  not_found: 'That item was not found.',
  forbidden: 'You do not have permission to do that.',
  unauthenticated: 'Please sign in again.',
  invalid_input: 'Some of the information is not valid. Check it and try again.',
  conflict: 'That was changed in the meantime. Reload and try again.',
  stripe_error: 'Our payment provider could not complete the request. Try again in a moment.',
  stripe_unavailable: 'Stripe is unavailable right now, so nothing was charged. Try again in a few minutes.',
  rate_limited: 'Too many requests. Wait a moment and try again.',
  internal: 'Something went wrong on our side. Try again in a moment.',
};

/**
 * Network failures that happen before a request reaches Stripe: nothing was done there, so the user may be told
 * nothing was charged. (A timeout or a reset connection may come after Stripe acted: those stay `stripe_error`.)
 */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function unreachableCode(error: StripeLikeError): string | null {
  if (error.type !== 'StripeConnectionError') return null;
  // The SDK keeps the socket error in `detail` (sometimes wrapped once more in `cause`).
  const detail = (error as { detail?: { code?: unknown; cause?: { code?: unknown } } }).detail;
  const code = detail?.code ?? detail?.cause?.code;
  return typeof code === 'string' && UNREACHABLE_CODES.has(code) ? code : null;
}

interface StripeLikeError {
  /** The SDK class name, e.g. `StripeCardError` (stripe@23 picks the class from the HTTP status). */
  type: string;
  /** Stripe's own error type, e.g. `card_error`. */
  rawType?: string;
  message: string;
  requestId?: string;
  statusCode?: number;
}

function isStripeError(error: unknown): error is StripeLikeError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { type?: unknown }).type === 'string' &&
    (error as { type: string }).type.startsWith('Stripe') &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/**
 * Any thrown value as an AppError. Stripe SDK errors become `stripe_error` (card declines keep Stripe's
 * customer-facing sentence; rate limits become `rate_limited`; Stripe unreachable `stripe_unavailable`), zod errors `invalid_input`, anything else
 * `internal`. The original stays in `cause` for the log.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isStripeError(error)) {
    const stripeRequestId = error.requestId;
    const context = `Stripe ${error.type}${stripeRequestId ? ` (request ${stripeRequestId})` : ''}: ${error.message}`;
    if (error.type === 'StripeCardError' || error.rawType === 'card_error') {
      return new AppError('stripe_error', context, { cause: error, userMessage: error.message, stripeRequestId });
    }
    if (error.type === 'StripeRateLimitError' || error.statusCode === 429) return new AppError('rate_limited', context, { cause: error, stripeRequestId });
    const unreachable = unreachableCode(error);
    if (unreachable) return new AppError('stripe_unavailable', `${context} (${unreachable})`, { cause: error, stripeRequestId });
    return new AppError('stripe_error', context, { cause: error, stripeRequestId });
  }
  if (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'ZodError') {
    return new AppError('invalid_input', (error as Error).message, { cause: error });
  }
  return new AppError('internal', error instanceof Error ? error.message : String(error), { cause: error });
}

/** What a user may read about an error: the safe sentence for its code, never internal details. */
export function toUserMessage(error: unknown): string {
  const appError = toAppError(error);
  return appError.userMessage ?? defaultMessages[appError.code];
}

/** A JSON error response for route handlers: `{ error: { code, message } }` with the code's status. */
export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  return Response.json(
    { error: { code: appError.code, message: toUserMessage(appError) } },
    { status: httpStatusFor(appError.code) },
  );
}
