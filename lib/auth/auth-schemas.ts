// Inputs of signing in. FormData arrives as strings: trim, lower-case, bound lengths.
import { z } from 'zod';

/** A same-site path to return to after sign-in; anything else (//evil, https://…) becomes /app. */
export const safeCallbackPath = z
  .string()
  .optional()
  .transform((value) => (value && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/app'));

export const signInWithEmailSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  callbackUrl: safeCallbackPath,
});
