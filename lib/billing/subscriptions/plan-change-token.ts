// The preview of a plan change travels to the browser and back as a signed, short-lived token: the exact
// items, the proration date and what the preview said would be charged now. Confirming applies the token's
// contents, never anything the browser sends, so the charge equals the preview. Pure (HMAC-SHA256).
import { createHmac, timingSafeEqual } from 'node:crypto';

export type PlanChangeItem = { id: string; price: string; quantity: number | null };

export type PlanChangeClaims = {
  organizationId: string;
  subscriptionId: string;
  items: PlanChangeItem[];
  /** Unix seconds: the proration date used by the preview and by the update. */
  prorationDate: number;
  /** What the preview invoice would charge now (negative: credited), in the currency's minor unit. */
  amountDue: number;
  currency: string;
  /** Unix seconds after which the preview must be made again. */
  expiresAt: number;
};

/** Long enough to read the preview; short enough that the proration date is still "now". */
export const PLAN_CHANGE_TOKEN_TTL_SECONDS = 15 * 60;

function sign(payload: string, secret: string): string {
  return createHmac('sha256', `plan-change:${secret}`).update(payload).digest('base64url');
}

export function createPlanChangeToken(claims: PlanChangeClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** The claims, or null when the token was altered, signed with another secret, or has expired. */
export function readPlanChangeToken(token: string, secret: string, now: Date = new Date()): PlanChangeClaims | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let claims: PlanChangeClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as PlanChangeClaims;
  } catch {
    return null;
  }
  if (typeof claims.expiresAt !== 'number' || claims.expiresAt * 1000 <= now.getTime()) return null;
  return claims;
}
