'use server';
// Sends a magic link; next-auth then redirects to /sign-in/check-email.
import { signIn } from '@/lib/auth/auth';
import { actionClient } from './safe-action';
import { signInWithEmailSchema } from './schemas';

export const signInWithEmailAction = actionClient
  .metadata({ actionName: 'signInWithEmail' })
  .inputSchema(signInWithEmailSchema)
  .action(async ({ parsedInput }) => {
    await signIn('email', { email: parsedInput.email, redirectTo: parsedInput.callbackUrl });
  });
