// What every /api/stripe-app/* response carries. The app runs in a sandboxed iframe whose origin is `null`, so
// CORS allows any origin (`*`): safe because these routes never read cookies or other ambient credentials —
// only the Stripe signature in the request authorizes it. Errors are in Stripe's shape: `{ error: { type, message } }`.

export const STRIPE_APP_CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
  'Access-Control-Allow-Headers': 'stripe-signature, content-type',
  'Access-Control-Max-Age': '600',
};

/** A JSON API answers no page: nothing may load, frame or run from it. */
const API_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

export type StripeAppErrorType = 'invalid_request_error' | 'authentication_error' | 'permission_error' | 'rate_limit_error' | 'api_error';

export function stripeAppJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(body, { status: init.status ?? 200, headers: { ...STRIPE_APP_CORS_HEADERS, ...API_HEADERS, ...init.headers } });
}

export function stripeAppError(status: number, type: StripeAppErrorType, message: string, extra: { code?: string; headers?: Record<string, string> } = {}): Response {
  return stripeAppJson({ error: { type, ...(extra.code ? { code: extra.code } : {}), message } }, { status, headers: extra.headers });
}

/** The answer to a CORS preflight (`OPTIONS` from the app's `null` origin). */
export function stripeAppPreflight(): Response {
  return new Response(null, { status: 204, headers: { ...STRIPE_APP_CORS_HEADERS, ...API_HEADERS } });
}
