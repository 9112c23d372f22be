// Resolves `Authorization: Bearer sk_usage_…` to the key's organization. Lookups by hash are cached for a few
// seconds per app server so a burst of batches costs one query; revoking a key clears this server's cache at
// once and other servers' within KEY_CACHE_MS. `last_used_at` is written at most once a minute per key.
import 'server-only';
import { findLiveApiKeyByHash, touchApiKey } from '@/db/queries/api-keys';
import { hashApiKey, looksLikeApiKey } from './api-key-format';

const KEY_CACHE_MS = 10_000;
const TOUCH_EVERY_MS = 60_000;

type Cached = { key: { id: string; organizationId: string } | null; until: number };
const globalForKeys = globalThis as unknown as { __seikyuApiKeys?: Map<string, Cached>; __seikyuApiKeyTouched?: Map<string, number> };
const cache = (globalForKeys.__seikyuApiKeys ??= new Map());
const touched = (globalForKeys.__seikyuApiKeyTouched ??= new Map());

export type ApiKeyIdentity = { apiKeyId: string; organizationId: string };

export function bearerToken(authorization: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match ? match[1]! : null;
}

/** The organization a live key belongs to, or null (no key, a malformed, unknown or revoked one). */
export async function authenticateApiKey(authorization: string | null, now = Date.now()): Promise<ApiKeyIdentity | null> {
  const token = bearerToken(authorization);
  if (!token || !looksLikeApiKey(token)) return null;
  const hash = hashApiKey(token);
  let entry = cache.get(hash);
  if (!entry || entry.until <= now) {
    entry = { key: await findLiveApiKeyByHash({ keyHash: hash }), until: now + KEY_CACHE_MS };
    if (cache.size > 10_000) cache.clear();
    cache.set(hash, entry);
  }
  if (!entry.key) return null;
  const { id, organizationId } = entry.key;
  if ((touched.get(id) ?? 0) + TOUCH_EVERY_MS <= now) {
    touched.set(id, now);
    // Best effort: the last-use date is informational; a failed write must not fail the request.
    await touchApiKey({ organizationId, apiKeyId: id, at: new Date(now) }).catch(() => touched.delete(id));
  }
  return { apiKeyId: id, organizationId };
}

/** Drops this server's cached lookups (after a revocation). */
export function forgetApiKeys(): void {
  cache.clear();
  touched.clear();
}
