// Stripe's error shape: `{ error: { type, code, decline_code, message, param, doc_url, ... } }` with its HTTP statuses.
// Throw a StripeError anywhere inside a handler; the server turns it into the response and changes nothing else
// (handlers validate before they mutate).
export type StripeErrorType =
  | 'api_error'
  | 'card_error'
  | 'idempotency_error'
  | 'invalid_request_error'
  | 'authentication_error'
  | 'rate_limit_error'
  // v2 error types (the SDK maps each to its own error class):
  | 'temporary_session_expired';

export interface StripeErrorExtra {
  code?: string;
  decline_code?: string;
  param?: string;
  /** Card errors carry the intent and payment method involved (serialised objects). */
  payment_intent?: object;
  setup_intent?: object;
  payment_method?: object;
  charge?: string;
  /** Extra response headers (e.g. `Stripe-Should-Retry`). */
  headers?: Record<string, string>;
  /**
   * Keep the request's changes even though it answers with this error (a declined card leaves the intent
   * with `last_payment_error`, a failed charge and events). Otherwise a thrown error rolls everything back.
   */
  keepChanges?: boolean;
}

export class StripeError extends Error {
  readonly status: number;
  readonly type: StripeErrorType;
  readonly extra: StripeErrorExtra;

  constructor(status: number, type: StripeErrorType, message: string, extra: StripeErrorExtra = {}) {
    super(message);
    this.name = 'StripeError';
    this.status = status;
    this.type = type;
    this.extra = extra;
  }

  toJSON(requestId: string): { error: Record<string, unknown> } {
    const { headers: _headers, keepChanges: _keep, ...fields } = this.extra;
    const error: Record<string, unknown> = { type: this.type, message: this.message, ...fields };
    if (this.extra.code) error.doc_url = `https://stripe.com/docs/error-codes/${this.extra.code.replace(/_/g, '-')}`;
    error.request_log_url = `https://dashboard.stripe.com/test/logs/${requestId}`;
    return { error };
  }
}

/** The v2 error body: `{ error: { type, code, message } }` (no param, decline codes or request log). */
export function v2ErrorBody(error: StripeError): { error: Record<string, unknown> } {
  const body: Record<string, unknown> = { type: error.type, code: error.extra.code ?? defaultV2Code(error), message: error.message };
  return { error: body };
}

function defaultV2Code(error: StripeError): string {
  if (error.status === 404) return 'not_found';
  if (error.status === 401) return 'unauthorized';
  return error.type;
}

/** 404 `resource_missing`: "No such customer: 'cus_x'". */
export function resourceMissing(label: string, id: string, param = 'id'): StripeError {
  return new StripeError(404, 'invalid_request_error', `No such ${label}: '${id}'`, {
    code: 'resource_missing',
    param,
  });
}

/** 400 `invalid_request_error` with an optional code and param. */
export function invalidRequest(message: string, extra: StripeErrorExtra = {}): StripeError {
  return new StripeError(400, 'invalid_request_error', message, extra);
}

export function parameterMissing(param: string): StripeError {
  return invalidRequest(`Missing required param: ${param}.`, { code: 'parameter_missing', param });
}

export function parameterUnknown(param: string): StripeError {
  return invalidRequest(`Received unknown parameter: ${param}`, { code: 'parameter_unknown', param });
}

export function unrecognizedUrl(method: string, path: string): StripeError {
  return new StripeError(
    404,
    'invalid_request_error',
    `Unrecognized request URL (${method}: ${path}). The Stripe emulator does not implement this endpoint. ` +
      'See the package README for what it implements.',
  );
}
