// The usage API's one error shape: `{ "error": { "code", "message", ... } }` (documented in the OpenAPI file).
import 'server-only';
import { env } from '@/lib/env';
import { authenticateApiKey, type ApiKeyIdentity } from '../authenticate-api-key';
import { RateLimiter } from '../rate-limit';

export function apiError(status: number, code: string, message: string, extra: Record<string, unknown> = {}, headers: HeadersInit = {}): Response {
  return Response.json({ error: { code, message, ...extra } }, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

const globalForLimiter = globalThis as unknown as { __seikyuUsageRateLimiter?: RateLimiter };

function limiter(): RateLimiter {
  return (globalForLimiter.__seikyuUsageRateLimiter ??= new RateLimiter(env.USAGE_API_RATE_LIMIT));
}

/** The key's organization, or the 401 / 429 response to send instead. */
export async function authorizeUsageRequest(request: Request): Promise<{ ok: true; identity: ApiKeyIdentity } | { ok: false; response: Response }> {
  const identity = await authenticateApiKey(request.headers.get('authorization'));
  if (!identity) {
    return {
      ok: false,
      response: apiError(401, 'unauthorized', 'Send a live usage API key: Authorization: Bearer sk_usage_….', {}, { 'WWW-Authenticate': 'Bearer' }),
    };
  }
  const taken = limiter().take(identity.organizationId);
  if (!taken.ok) {
    return {
      ok: false,
      response: apiError(429, 'rate_limited', `Too many requests for this organization; retry in ${taken.retryAfterSeconds} s.`, {}, { 'Retry-After': String(taken.retryAfterSeconds) }),
    };
  }
  return { ok: true, identity };
}
