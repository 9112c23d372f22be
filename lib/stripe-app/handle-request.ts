// The one pipeline every /api/stripe-app/* POST goes through, in this order (each step's refusal names it):
//   app not configured → 503 · no Stripe-Signature → 401 · body not JSON / no user_id, account_id → 400 ·
//   signature not valid for that user and account (forged, stale > 300 s, other user/account) → 401 ·
//   over the per-user rate limit → 429 · signed for a Stripe account other than ours → 403 ·
//   the route's own fields invalid → 400 · then the route: unknown customer → 404.
// The rate limit counts only verified users, so a forger cannot use up a real user's budget. Cookies are never
// read: the signature is the only credential.
import 'server-only';
import type Stripe from 'stripe';
import { z } from 'zod';
import { env } from '@/lib/env';
import { httpStatusFor, toAppError, toUserMessage, type AppError } from '@/lib/errors';
import { createRateLimiter, type RateLimiter } from '@/lib/security/rate-limit';
import { stripe as defaultStripe } from '@/lib/stripe/client';
import { retrieveOwnAccount } from '@/lib/stripe/retrieve-own-account';
import { verifyAppSignature } from '@/lib/stripe/verify-app-signature';
import { stripeAppSecret } from './config';
import { stripeAppError, type StripeAppErrorType } from './http';

/** Who is calling, as Stripe signed it. */
export type StripeAppIdentity = { userId: string; accountId: string };

const identitySchema = z.object({
  user_id: z.string().regex(/^usr_\w{1,200}$/),
  account_id: z.string().regex(/^acct_\w{1,200}$/),
});

/** `customer_id` as the Dashboard shows it; every route names the customer it is about. */
export const stripeCustomerIdSchema = z.string().regex(/^cus_\w{1,200}$/, 'customer_id must be a Stripe customer id (cus_…)');

/** Bodies above this are refused before parsing: the app sends a few ids and a note. */
const MAX_BODY_BYTES = 32 * 1024;

export type StripeAppDeps = { stripe: Stripe; limiter: RateLimiter; now: () => number };

const defaultLimiter = createRateLimiter({ limit: env.STRIPE_APP_RATE_LIMIT_PER_MINUTE, windowMs: 60_000 });
const defaultDeps = (): StripeAppDeps => ({ stripe: defaultStripe, limiter: defaultLimiter, now: Date.now });

// Our account's id never changes while the server runs: asked once, and again only after a failure.
let ownAccountId: Promise<string> | null = null;
function ourAccountId(stripe: Stripe): Promise<string> {
  ownAccountId ??= retrieveOwnAccount(stripe).then(
    (account) => account.id,
    (error: unknown) => {
      ownAccountId = null;
      throw error;
    },
  );
  return ownAccountId;
}

const errorTypeByStatus: Record<number, StripeAppErrorType> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'invalid_request_error',
  409: 'invalid_request_error',
  429: 'rate_limit_error',
};

/** An AppError from the route's domain code as a Stripe-style error: the safe sentence, never the log message. */
function appErrorResponse(error: AppError): Response {
  const status = httpStatusFor(error.code);
  if (status >= 500) console.error(`[stripe-app] ${error.code}: ${error.message}`);
  // Input errors from domain code say what is wrong and name nothing secret (e.g. "a note needs text").
  const message = error.code === 'not_found' ? 'No such customer in Seikyu.' : error.code === 'invalid_input' ? error.message : toUserMessage(error);
  return stripeAppError(status, errorTypeByStatus[status] ?? 'api_error', message, { code: error.code === 'not_found' ? 'resource_missing' : error.code });
}

async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export async function handleStripeAppRequest<Schema extends z.ZodType>(
  request: Request,
  bodySchema: Schema,
  run: (body: z.infer<Schema>, identity: StripeAppIdentity) => Promise<Response>,
  deps: StripeAppDeps = defaultDeps(),
): Promise<Response> {
  const secret = stripeAppSecret();
  if (!secret) {
    return stripeAppError(503, 'api_error', 'The Stripe App is not enabled on this Seikyu server: set STRIPE_APP_SECRET.', { code: 'stripe_app_disabled' });
  }
  const header = request.headers.get('stripe-signature');
  if (!header) return stripeAppError(401, 'authentication_error', 'Missing the Stripe-Signature header (from fetchStripeSignature()).');

  const json = await readJson(request);
  if (!json.ok) return stripeAppError(400, 'invalid_request_error', 'The request body must be a JSON object.');
  const identity = identitySchema.safeParse(json.value);
  if (!identity.success) return stripeAppError(400, 'invalid_request_error', 'The request body needs user_id (usr_…) and account_id (acct_…).');
  const who = { userId: identity.data.user_id, accountId: identity.data.account_id };

  if (!verifyAppSignature(deps.stripe, { header, ...who, secret, receivedAtMs: deps.now() })) {
    return stripeAppError(401, 'authentication_error', 'The Stripe-Signature is not valid for this user_id and account_id, or it has expired.');
  }

  const decision = deps.limiter.take(who.userId, deps.now());
  if (!decision.allowed) {
    return stripeAppError(429, 'rate_limit_error', 'Too many requests from this Stripe user. Try again shortly.', {
      headers: { 'Retry-After': String(decision.retryAfterSeconds) },
    });
  }

  try {
    if (who.accountId !== (await ourAccountId(deps.stripe))) {
      return stripeAppError(403, 'permission_error', 'This Seikyu server belongs to another Stripe account.');
    }
    const body = bodySchema.safeParse(json.value);
    if (!body.success) {
      const message = body.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
      return stripeAppError(400, 'invalid_request_error', message);
    }
    return await run(body.data, who);
  } catch (error) {
    return appErrorResponse(toAppError(error));
  }
}

