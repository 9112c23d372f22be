// Inputs of creating an organization and finishing its billing set-up.
import { z } from 'zod';
import { organizationCurrencies } from './currencies';

export const createOrganizationSchema = z.object({
  name: z.string().trim().min(1).max(100),
  currency: z.enum(organizationCurrencies),
});

export const organizationIdSchema = z.object({ organizationId: z.string().min(1).max(100) });
