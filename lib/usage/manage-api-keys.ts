// Creating and revoking an organization's usage API keys, each with its audit entry in the same transaction.
import 'server-only';
import { db } from '@/db';
import { insertApiKey, revokeApiKey as revokeApiKeyRow, type ApiKeyListItem } from '@/db/queries/api-keys';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError } from '@/lib/errors';
import { generateApiKey } from './api-key-format';
import { forgetApiKeys } from './authenticate-api-key';

/** Creates a key; the returned `key` is the only time the whole key exists outside the caller's hands. */
export async function createApiKey(params: { organizationId: string; userId: string; name: string }): Promise<{ key: string; apiKey: ApiKeyListItem }> {
  const generated = generateApiKey();
  const apiKey = await db.transaction(async (tx) => {
    const row = await insertApiKey(
      { organizationId: params.organizationId, name: params.name, prefix: generated.prefix, keyHash: generated.keyHash, createdByUserId: params.userId },
      tx,
    );
    await recordAudit(
      {
        organizationId: params.organizationId,
        actor: { type: 'user', id: params.userId },
        action: 'api_key.created',
        target: { type: 'api_key', id: row.id },
        data: { after: { name: row.name, prefix: row.prefix } },
      },
      tx,
    );
    return row;
  });
  return { key: generated.key, apiKey };
}

/** Revokes a key: requests with it get 401 from now on (other app servers within the key cache's lifetime). */
export async function revokeApiKey(params: { organizationId: string; userId: string; apiKeyId: string }): Promise<ApiKeyListItem> {
  const revoked = await db.transaction(async (tx) => {
    const row = await revokeApiKeyRow({ organizationId: params.organizationId, apiKeyId: params.apiKeyId }, tx);
    if (!row) throw new AppError('not_found', `no live api key ${params.apiKeyId} in ${params.organizationId}`);
    await recordAudit(
      {
        organizationId: params.organizationId,
        actor: { type: 'user', id: params.userId },
        action: 'api_key.revoked',
        target: { type: 'api_key', id: row.id },
        data: { before: { name: row.name, prefix: row.prefix, revokedAt: null }, after: { revokedAt: row.revokedAt } },
      },
      tx,
    );
    return row;
  });
  forgetApiKeys();
  return revoked;
}
