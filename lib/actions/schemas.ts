// Input schemas shared by actions and their forms. FormData arrives as strings: coerce, trim, bound lengths.
import { z } from 'zod';
import { locales } from '../i18n/config';
import { organizationCurrencies } from '../organizations/currencies';

/** A same-site path to return to after sign-in; anything else (//evil, https://…) becomes /app. */
export const safeCallbackPath = z
  .string()
  .optional()
  .transform((value) => (value && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/app'));

export const signInWithEmailSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  callbackUrl: safeCallbackPath,
});

export const setLocaleSchema = z.object({ locale: z.enum(locales) });

export const createOrganizationSchema = z.object({
  name: z.string().trim().min(1).max(100),
  currency: z.enum(organizationCurrencies),
});

export const organizationIdSchema = z.object({ organizationId: z.string().min(1).max(100) });
