// The demo organization's usage API key, derived from the demo's secret so `npm run demo` can print it on every
// start (only its hash is stored, as for any key). Idempotent.
import type { Db } from '@/db';
import { findLiveApiKeyByHash, insertApiKey, listApiKeys } from '@/db/queries/api-keys';
import { recordAudit } from '@/lib/audit/record-audit';
import { deriveApiKey } from '@/lib/usage/api-key-format';

export const DEMO_API_KEY_NAME = 'Demo (npm run demo)';

/** The key, or null when someone revoked it in the portal (then a new one is created there). */
export async function ensureDemoUsageApiKey(db: Db, params: { organizationId: string; secret: string }): Promise<string | null> {
  const derived = deriveApiKey(params.secret, `demo-usage-key:${params.organizationId}`);
  if (await findLiveApiKeyByHash({ keyHash: derived.keyHash }, db)) return derived.key;
  const existing = await listApiKeys({ organizationId: params.organizationId }, db);
  if (existing.some((k) => k.prefix === derived.prefix)) return null;
  await db.transaction(async (tx) => {
    const row = await insertApiKey({ organizationId: params.organizationId, name: DEMO_API_KEY_NAME, prefix: derived.prefix, keyHash: derived.keyHash, createdByUserId: null }, tx);
    await recordAudit(
      { organizationId: params.organizationId, actor: { type: 'system', id: 'demo-seed' }, action: 'api_key.created', target: { type: 'api_key', id: row.id }, data: { after: { name: row.name, prefix: row.prefix } } },
      tx,
    );
  });
  return derived.key;
}
