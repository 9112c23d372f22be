'use server';
// Starts GitHub or Google sign-in; only providers configured in the environment are accepted.
import { z } from 'zod';
import { enabledOAuthProviders, signIn } from '@/lib/auth/auth';
import { AppError } from '@/lib/errors';
import { actionClient } from './safe-action';
import { safeCallbackPath } from '@/lib/auth/auth-schemas';

export const signInWithProviderAction = actionClient
  .metadata({ actionName: 'signInWithProvider' })
  .inputSchema(z.object({ provider: z.enum(['github', 'google']), callbackUrl: safeCallbackPath }))
  .action(async ({ parsedInput }) => {
    if (!enabledOAuthProviders().some((p) => p.id === parsedInput.provider)) {
      throw new AppError('invalid_input', `provider ${parsedInput.provider} is not configured`);
    }
    await signIn(parsedInput.provider, { redirectTo: parsedInput.callbackUrl });
  });
