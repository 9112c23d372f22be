// Stripe-style ids: `<prefix>_<24 base62 chars>` (prefix includes the underscore, e.g. `cus_`).
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function randomToken(length: number): string {
  const bytes = randomBytes(length * 2);
  let out = '';
  for (let i = 0; out.length < length && i < bytes.length; i++) {
    // Reject bytes that would bias the distribution (248 = 4 * 62).
    if (bytes[i] < 248) out += ALPHABET[bytes[i] % 62];
  }
  return out.length === length ? out : out + randomToken(length - out.length);
}

/** `newId('cus')` → `cus_…`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomToken(24)}`;
}

/** A client secret for an intent: `<id>_secret_<random>`, as Stripe formats it. */
export function clientSecret(id: string): string {
  return `${id}_secret_${randomToken(25)}`;
}

/** `req_…` request ids. */
export function newRequestId(): string {
  return `req_${randomToken(14)}`;
}
