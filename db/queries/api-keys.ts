// Usage API keys: listed, created and revoked by organization; looked up by hash when a request authenticates
// (the key itself decides the organization, so that one lookup takes no organization).
import { and, desc, eq, isNull } from 'drizzle-orm';
import { db, type Tx } from '@/db';
import { apiKeys } from '@/db/schema';

export type ApiKey = typeof apiKeys.$inferSelect;
export type ApiKeyListItem = Pick<ApiKey, 'id' | 'name' | 'prefix' | 'createdAt' | 'lastUsedAt' | 'revokedAt'>;

export async function listApiKeys(params: { organizationId: string }, tx: Tx = db): Promise<ApiKeyListItem[]> {
  return tx
    .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, createdAt: apiKeys.createdAt, lastUsedAt: apiKeys.lastUsedAt, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(eq(apiKeys.organizationId, params.organizationId))
    .orderBy(desc(apiKeys.createdAt));
}

export async function insertApiKey(
  params: { organizationId: string; name: string; prefix: string; keyHash: string; createdByUserId: string | null },
  tx: Tx = db,
): Promise<ApiKeyListItem> {
  const [row] = await tx
    .insert(apiKeys)
    .values(params)
    .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, createdAt: apiKeys.createdAt, lastUsedAt: apiKeys.lastUsedAt, revokedAt: apiKeys.revokedAt });
  return row!;
}

/** Revokes a live key of the organization; null when there is none (another organization's id finds nothing). */
export async function revokeApiKey(params: { organizationId: string; apiKeyId: string }, tx: Tx = db): Promise<ApiKeyListItem | null> {
  const [row] = await tx
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.organizationId, params.organizationId), eq(apiKeys.id, params.apiKeyId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, createdAt: apiKeys.createdAt, lastUsedAt: apiKeys.lastUsedAt, revokedAt: apiKeys.revokedAt });
  return row ?? null;
}

/** The live (not revoked) key with this hash and its organization, for authenticating a request. */
export async function findLiveApiKeyByHash(
  params: { keyHash: string },
  tx: Tx = db,
): Promise<{ id: string; organizationId: string } | null> {
  const [row] = await tx
    .select({ id: apiKeys.id, organizationId: apiKeys.organizationId })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, params.keyHash), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row ?? null;
}

export async function touchApiKey(params: { organizationId: string; apiKeyId: string; at: Date }, tx: Tx = db): Promise<void> {
  await tx.update(apiKeys).set({ lastUsedAt: params.at }).where(and(eq(apiKeys.organizationId, params.organizationId), eq(apiKeys.id, params.apiKeyId)));
}
