// Inputs of the API key actions; the key id is looked up scoped to the organization.
import { z } from 'zod';

export const createApiKeySchema = z.object({
  organizationId: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(80),
});

export const revokeApiKeySchema = z.object({
  organizationId: z.string().min(1).max(100),
  apiKeyId: z.uuid(),
});
