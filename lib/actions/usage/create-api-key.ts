'use server';
// Creates a usage API key (owners and billing managers); the whole key is returned once, to be shown once.
import { revalidatePath } from 'next/cache';
import { createApiKeySchema } from '@/lib/usage/api-key-schemas';
import { createApiKey } from '@/lib/usage/manage-api-keys';
import { orgActionClient } from '../safe-action';

export const createApiKeyAction = orgActionClient
  .metadata({ actionName: 'createApiKey', permission: 'api_keys:manage' })
  .inputSchema(createApiKeySchema)
  .action(async ({ ctx, parsedInput }) => {
    const { key, apiKey } = await createApiKey({ organizationId: ctx.organization.id, userId: ctx.user.id, name: parsedInput.name });
    revalidatePath(`/orgs/${ctx.organization.id}/settings/api-keys`);
    return { key, prefix: apiKey.prefix, name: apiKey.name };
  });
