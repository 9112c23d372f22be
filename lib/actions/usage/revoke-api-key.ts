'use server';
// Revokes a usage API key (owners and billing managers): requests with it are refused from then on.
import { revalidatePath } from 'next/cache';
import { revokeApiKeySchema } from '@/lib/usage/api-key-schemas';
import { revokeApiKey } from '@/lib/usage/manage-api-keys';
import { orgActionClient } from '../safe-action';

export const revokeApiKeyAction = orgActionClient
  .metadata({ actionName: 'revokeApiKey', permission: 'api_keys:manage' })
  .inputSchema(revokeApiKeySchema)
  .action(async ({ ctx, parsedInput }) => {
    const revoked = await revokeApiKey({ organizationId: ctx.organization.id, userId: ctx.user.id, apiKeyId: parsedInput.apiKeyId });
    revalidatePath(`/orgs/${ctx.organization.id}/settings/api-keys`);
    return { revoked: revoked.id };
  });
