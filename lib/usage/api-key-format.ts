// Usage API keys: `sk_usage_` + 8 hex (the visible prefix, shown in the key list) + 32 base62 characters of secret.
// Only the SHA-256 of the whole key is stored; the key is shown once, when it is created.
import { createHash, createHmac, randomBytes } from 'node:crypto';

export const API_KEY_PREFIX = 'sk_usage_';
const VISIBLE_HEX = 8;
const SECRET_CHARS = 32;
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  return keyFromBytes((n) => randomBytes(n));
}

/**
 * The same key every time for one secret and purpose (HMAC-derived): how `npm run demo` can print the demo
 * organization's key on every start although only its hash is stored. Never used for keys customers create.
 */
export function deriveApiKey(secret: string, purpose: string): { key: string; prefix: string; keyHash: string } {
  let counter = 0;
  return keyFromBytes((n) => {
    const out = Buffer.alloc(n);
    for (let filled = 0; filled < n; counter += 1) filled += createHmac('sha256', secret).update(`${purpose}:${counter}`).digest().copy(out, filled);
    return out;
  });
}

function keyFromBytes(bytes: (n: number) => Buffer): { key: string; prefix: string; keyHash: string } {
  const visible = bytes(VISIBLE_HEX / 2).toString('hex');
  // 256 is not a multiple of 62: skip bytes >= 248 so every character is equally likely.
  let secret = '';
  while (secret.length < SECRET_CHARS) {
    for (const byte of bytes(SECRET_CHARS)) {
      if (byte < 248 && secret.length < SECRET_CHARS) secret += BASE62[byte % 62];
    }
  }
  const key = `${API_KEY_PREFIX}${visible}${secret}`;
  return { key, prefix: visiblePrefix(key), keyHash: hashApiKey(key) };
}

export function visiblePrefix(key: string): string {
  return key.slice(0, API_KEY_PREFIX.length + VISIBLE_HEX);
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Whether a bearer token can be a usage key at all (saves a database lookup for garbage). */
export function looksLikeApiKey(token: string): boolean {
  return token.length === API_KEY_PREFIX.length + VISIBLE_HEX + SECRET_CHARS && token.startsWith(API_KEY_PREFIX) && /^[A-Za-z0-9_]+$/.test(token);
}
